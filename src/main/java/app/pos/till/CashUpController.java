package app.pos.till;

import app.pos.order.SalesReport;
import app.pos.shared.ShopTime;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The end-of-day cash-up for the current business day: what the till should hold, per payment method. */
@Controller
class CashUpController {

    private final SalesReport sales;
    private final ShopTime time;

    CashUpController(SalesReport sales, ShopTime time) {
        this.sales = sales;
        this.time = time;
    }

    @GetMapping("/pos/cash-up")
    String cashUp(Model model) {
        LocalDate day = time.today();
        ShopTime.Bounds bounds = time.boundsOf(day);
        model.addAttribute("cashUp", sales.cashUp(bounds.start(), bounds.end()));
        model.addAttribute("day", day);
        model.addAttribute("dayStart", time.dayStart());
        return "till/cash-up";
    }
}
