package app.pos.dashboard;

import app.pos.order.SalesReport;
import app.pos.reconciliation.Reconciliation;
import app.pos.shared.ShopTime;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Today's and the last 30 days' figures, each with the split by payment method; revenue per day; the top
 * customers and products of the 30 days; the last reconciliation's result, with a warning when it found
 * mismatches.
 */
@Controller
class DashboardController {

    private final SalesReport sales;
    private final ShopTime time;
    private final Reconciliation reconciliation;

    DashboardController(SalesReport sales, ShopTime time, Reconciliation reconciliation) {
        this.sales = sales;
        this.time = time;
        this.reconciliation = reconciliation;
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        LocalDate today = time.today();
        ShopTime.Bounds day = time.boundsOf(today);
        ShopTime.Bounds month = time.boundsOf(today.minusDays(29), today);
        var daily = sales.dailyRevenue(today.minusDays(29), today, time);
        model.addAttribute("today", sales.summary(day.start(), day.end()));
        model.addAttribute("month", sales.summary(month.start(), month.end()));
        model.addAttribute("top", sales.topCustomers(month.start(), month.end(), 10));
        model.addAttribute("topProducts", sales.topProducts(month.start(), month.end(), 10));
        model.addAttribute("paymentsToday", sales.paymentSplit(day.start(), day.end()));
        var payments = sales.paymentSplit(month.start(), month.end());
        model.addAttribute("paymentsMonth", payments);
        model.addAttribute(
                "paymentValues",
                payments.stream().map(p -> p.amount().toPlainString()).toList());
        model.addAttribute(
                "chartLabels", daily.keySet().stream().map(LocalDate::toString).toList());
        model.addAttribute(
                "chartValues",
                daily.values().stream().map(v -> v.toPlainString()).toList());
        model.addAttribute("reconciliation", reconciliation.last().orElse(null));
        return "dashboard/dashboard";
    }
}
