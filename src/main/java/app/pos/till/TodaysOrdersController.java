package app.pos.till;

import app.pos.order.OrderService;
import app.pos.order.OrderView;
import app.pos.shared.ShopTime;
import java.security.Principal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Today's orders, which are the current business day's ({@link ShopTime}: an order at 23:58 is still listed, and
 * voidable, at 00:05); one order with its lines and receipt to reprint; voiding one (managers; see the security
 * configuration).
 */
@Controller
class TodaysOrdersController {

    private final OrderService orders;
    private final ShopTime time;

    TodaysOrdersController(OrderService orders, ShopTime time) {
        this.orders = orders;
        this.time = time;
    }

    @GetMapping("/pos/orders")
    String today(Model model) {
        LocalDate today = time.today();
        ShopTime.Bounds bounds = time.boundsOf(today);
        model.addAttribute("orders", orders.placedBetween(bounds.start(), bounds.end(), 500));
        model.addAttribute("day", today);
        model.addAttribute("dayStart", time.dayStart());
        model.addAttribute("zone", time.zone());
        return "till/orders";
    }

    @GetMapping("/pos/orders/{id}")
    String order(@PathVariable UUID id, Model model) {
        OrderView order = orders.get(id);
        model.addAttribute("order", order);
        model.addAttribute("refundable", TillRefundController.refundable(order));
        model.addAttribute("refundKey", UUID.randomUUID().toString());
        return "till/order";
    }

    @PostMapping("/pos/orders/{id}/void")
    String voidOrder(@PathVariable UUID id, Principal principal, Model model) {
        model.addAttribute("o", orders.voidOrder(id, principal.getName()));
        model.addAttribute("zone", time.zone());
        return "till/orders :: row";
    }
}
