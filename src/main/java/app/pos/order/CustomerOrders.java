package app.pos.order;

import app.pos.customer.CustomerService;
import app.pos.customer.CustomerStats;
import app.pos.shared.Money;
import app.pos.shared.PageResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a customer's orders say about them: history, favourite items, delivery addresses, spend per month, and
 * the statistics recomputed from the orders (the source of truth) when they need checking or a merge moved orders.
 */
@Service
public class CustomerOrders {

    private final OrderRepository orders;
    private final CustomerService customers;
    private final CustomerStats stats;
    private final Clock clock;

    CustomerOrders(OrderRepository orders, CustomerService customers, CustomerStats stats, Clock clock) {
        this.orders = orders;
        this.customers = customers;
        this.stats = stats;
        this.clock = clock;
    }

    public record Favourite(UUID productId, String name, long quantity) {}

    public record Address(String address, long times, OffsetDateTime lastUsed) {}

    public record MonthSpend(YearMonth month, BigDecimal total) {}

    /** The profile's facts beyond the stored stats. */
    public record Insights(
            OffsetDateTime firstVisit,
            List<MonthSpend> lastTwelveMonths,
            List<Favourite> favourites,
            List<Address> deliveryAddresses) {}

    /** The seed's {@code getCustomerHistory}: every order of the customer, voided ones included, newest first. */
    @Transactional(readOnly = true)
    public PageResult<OrderView> history(UUID customerId, int page, int size) {
        customers.get(customerId);
        return PageResult.fromProbe(orders.findByCustomer(customerId, page, size), page, size);
    }

    /** The items a customer orders most, by quantity over their completed orders. */
    @Transactional(readOnly = true)
    public List<Favourite> favourites(UUID customerId, int limit) {
        return orders.favourites(customerId, limit);
    }

    @Transactional(readOnly = true)
    public Insights insights(UUID customerId, ZoneId zone) {
        YearMonth thisMonth = YearMonth.now(clock.withZone(zone));
        YearMonth first = thisMonth.minusMonths(11);
        Map<YearMonth, BigDecimal> byMonth = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(thisMonth); m = m.plusMonths(1)) {
            byMonth.put(m, Money.ZERO);
        }
        OffsetDateTime from = first.atDay(1).atStartOfDay(zone).toOffsetDateTime();
        for (OrderRepository.Sale sale : orders.completedSince(customerId, from)) {
            byMonth.computeIfPresent(
                    YearMonth.from(sale.at().atZoneSameInstant(zone)), (m, sum) -> sum.add(sale.total()));
        }
        List<MonthSpend> months = new ArrayList<>();
        byMonth.forEach((m, total) -> months.add(new MonthSpend(m, total)));
        return new Insights(
                orders.firstCompletedAt(customerId).orElse(null),
                months,
                orders.favourites(customerId, 5),
                orders.deliveryAddresses(customerId));
    }

    /**
     * Rebuilds total spent, visit count and last visit from the customer's completed orders.
     *
     * @return whether the stored statistics were off
     */
    @Transactional
    public boolean recomputeStats(UUID customerId) {
        OrderRepository.Totals totals = orders.completedTotals(customerId);
        return stats.replace(customerId, totals.totalSpent(), totals.visits(), totals.lastVisit());
    }

    /** Moves all orders of {@code from} to {@code to}; part of a merge, inside the caller's transaction. */
    @Transactional
    public int moveOrders(UUID from, UUID to) {
        return orders.reassign(from, to);
    }
}
