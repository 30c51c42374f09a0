package app.pos.till;

import app.pos.order.OrderRefunds;
import app.pos.order.OrderService;
import app.pos.order.OrderStatus;
import app.pos.order.OrderView;
import app.pos.order.PlacedRefund;
import app.pos.order.RefundOrder;
import app.pos.shared.PosException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Refunding lines from the order page (managers; see the security configuration) and the refund's receipt. The
 * form carries an idempotency key made when it was shown, so a double submit makes one refund.
 */
@Controller
class TillRefundController {

    private final OrderService orders;
    private final OrderRefunds refunds;

    TillRefundController(OrderService orders, OrderRefunds refunds) {
        this.orders = orders;
        this.refunds = refunds;
    }

    @PostMapping("/pos/orders/{id}/refunds")
    String refund(
            @PathVariable UUID id,
            @RequestParam(name = "product", defaultValue = "") List<UUID> products,
            @RequestParam(name = "quantity", defaultValue = "") List<Integer> quantities,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(required = false) String key,
            Principal principal,
            Model model) {
        List<RefundOrder.Line> lines = new ArrayList<>();
        for (int i = 0; i < products.size() && i < quantities.size(); i++) {
            Integer quantity = quantities.get(i);
            if (quantity != null && quantity != 0) {
                lines.add(new RefundOrder.Line(products.get(i), quantity));
            }
        }
        String usedKey = key == null || key.isBlank() ? null : key;
        try {
            PlacedRefund placed = refunds.refund(
                    id,
                    new RefundOrder(lines, reason.length() > 500 ? reason.substring(0, 500) : reason),
                    usedKey,
                    principal.getName());
            return "redirect:/pos/orders/" + id + "/refunds/" + placed.refund().id();
        } catch (PosException refused) {
            if (refused.status().is4xxClientError() && refused.status().value() != 404) {
                OrderView order = orders.get(id);
                model.addAttribute("order", order);
                model.addAttribute("refundable", refundable(order));
                model.addAttribute("refundError", refused.getMessage());
                model.addAttribute("refundKey", UUID.randomUUID().toString());
                return "till/order";
            }
            throw refused;
        }
    }

    /** A product of the order that can still be refunded, with how many of its units. */
    record Refundable(UUID productId, String name, int units) {}

    /** The order page's refund form: each product once, with its units left; none for a voided order. */
    static List<Refundable> refundable(OrderView order) {
        Map<UUID, Refundable> rows = new LinkedHashMap<>();
        if (order.status() == OrderStatus.COMPLETED) {
            for (OrderView.Line line : order.items()) {
                int units = line.productId() == null ? 0 : order.refundableUnits(line.productId());
                if (units > 0) {
                    rows.putIfAbsent(line.productId(), new Refundable(line.productId(), line.name(), units));
                }
            }
        }
        return List.copyOf(rows.values());
    }

    @GetMapping("/pos/orders/{id}/refunds/{refundId}")
    String receipt(@PathVariable UUID id, @PathVariable UUID refundId, Model model) {
        OrderView order = orders.get(id);
        model.addAttribute("order", order);
        model.addAttribute("refund", refunds.get(id, refundId));
        return "till/refund";
    }
}
