package app.pos.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import app.pos.order.SalesReport;

@Controller
class DashboardController {

    private final SalesReport sales;
    private final Clock clock;
    private final ZoneId zone;

    DashboardController(SalesReport sales, Clock clock, @Value("${pos.time-zone:}") String zone) {
        this.sales = sales;
        this.clock = clock;
        this.zone = zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    @GetMapping("/admin")
    String dashboard(Model model) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        OffsetDateTime startOfToday = today.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime tomorrow = today.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime monthAgo = today.minusDays(29).atStartOfDay(zone).toOffsetDateTime();
        var daily = sales.dailyRevenue(today.minusDays(29), today, zone);
        model.addAttribute("today", sales.summary(startOfToday, tomorrow));
        model.addAttribute("month", sales.summary(monthAgo, tomorrow));
        model.addAttribute("top", sales.topCustomers(monthAgo, tomorrow, 10));
        model.addAttribute("chartLabels", daily.keySet().stream().map(LocalDate::toString).toList());
        model.addAttribute("chartValues", daily.values().stream().map(v -> v.toPlainString()).toList());
        return "dashboard/dashboard";
    }
}
