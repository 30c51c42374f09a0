package app.pos.dashboard;

import app.pos.order.SalesReport;
import app.pos.shared.ShopTime;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Today's and the last 30 days' figures, each with the split by payment method; revenue per day; the top
 * customers and products of the 30 days.
 */
@Controller
class DashboardController {

    private final SalesReport sales;
    private final ShopTime time;

    DashboardController(SalesReport sales, ShopTime time) {
        this.sales = sales;
        this.time = time;
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        LocalDate today = time.today();
        OffsetDateTime startOfToday = time.startOf(today);
        OffsetDateTime tomorrow = time.startOf(today.plusDays(1));
        OffsetDateTime monthAgo = time.startOf(today.minusDays(29));
        var daily = sales.dailyRevenue(today.minusDays(29), today, time);
        model.addAttribute("today", sales.summary(startOfToday, tomorrow));
        model.addAttribute("month", sales.summary(monthAgo, tomorrow));
        model.addAttribute("top", sales.topCustomers(monthAgo, tomorrow, 10));
        model.addAttribute("topProducts", sales.topProducts(monthAgo, tomorrow, 10));
        model.addAttribute("paymentsToday", sales.paymentSplit(startOfToday, tomorrow));
        var payments = sales.paymentSplit(monthAgo, tomorrow);
        model.addAttribute("paymentsMonth", payments);
        model.addAttribute(
                "paymentValues",
                payments.stream().map(p -> p.amount().toPlainString()).toList());
        model.addAttribute(
                "chartLabels", daily.keySet().stream().map(LocalDate::toString).toList());
        model.addAttribute(
                "chartValues",
                daily.values().stream().map(v -> v.toPlainString()).toList());
        return "dashboard/dashboard";
    }
}
