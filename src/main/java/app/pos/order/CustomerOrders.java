package app.pos.order;

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
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a customer's orders say about them: history, favourite items, delivery addresses, spend per month, and
 * the totals of their completed orders (the source of truth the customer feature rebuilds its statistics from).
 */
@Service
public class CustomerOrders {

    private final OrderRepository history;
    private final CustomerOrderRepository orders;
    private final Clock clock;

    CustomerOrders(OrderRepository history, CustomerOrderRepository orders, Clock clock) {
        this.history = history;
        this.orders = orders;
        this.clock = clock;
    }

    /** What a customer's completed orders add up to; {@code lastVisit} is null when they have none. */
    public record Totals(BigDecimal totalSpent, int visits, OffsetDateTime lastVisit) {}

    public record Favourite(UUID productId, String name, long quantity) {}

    public record Address(String address, long times, OffsetDateTime lastUsed) {}

    public record MonthSpend(YearMonth month, BigDecimal total) {}

    /** The profile's facts beyond the stored stats. */
    public record Insights(
            OffsetDateTime firstVisit,
            List<MonthSpend> lastTwelveMonths,
            List<Favourite> favourites,
            List<Address> deliveryAddresses) {}

    /**
     * The seed's {@code getCustomerHistory}: every order of the customer, voided ones included, newest first. An
     * unknown customer has no orders; callers that must tell them apart ask the customer feature.
     */
    @Transactional(readOnly = true)
    public PageResult<OrderView> history(UUID customerId, int page, int size) {
        return PageResult.fromProbe(history.findByCustomer(customerId, page, size), page, size);
    }

    /**
     * Every order of the customer, voided ones included, oldest first, each with its lines, handed to {@code sink}
     * one at a time (for their data export): one query, however many orders they have.
     */
    @Transactional(readOnly = true)
    public void everyOrder(UUID customerId, Consumer<OrderView> sink) {
        orders.eachWithLines(customerId, sink);
    }

    /** How many orders are linked to the customer, voided ones included. */
    @Transactional(readOnly = true)
    public long orderCount(UUID customerId) {
        return orders.countLinked(customerId);
    }

    /** The items a customer orders most, by quantity over their completed orders. */
    @Transactional(readOnly = true)
    public List<Favourite> favourites(UUID customerId, int limit) {
        return orders.favourites(customerId, limit);
    }

    /** The customer's newest completed order, for "same as last time" at the till; empty when they have none. */
    @Transactional(readOnly = true)
    public Optional<OrderView> lastCompletedOrder(UUID customerId) {
        return history.findLastCompletedByCustomer(customerId);
    }

    /** The addresses the customer's orders were delivered to, most recently used first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Address> deliveryAddresses(UUID customerId, int limit) {
        List<Address> all = orders.deliveryAddresses(customerId);
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
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
        for (CustomerOrderRepository.Sale sale : orders.completedSince(customerId, from)) {
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

    /** Total spent, visit count and last visit as the customer's completed orders say, in the caller's transaction. */
    @Transactional
    public Totals completedTotals(UUID customerId) {
        return orders.completedTotals(customerId);
    }

    /** When the customer's newest completed order was placed; empty when they have none (left). */
    @Transactional
    public Optional<OffsetDateTime> lastVisit(UUID customerId) {
        return orders.lastCompletedAt(customerId);
    }

    /** Moves all orders of {@code from} to {@code to}; part of a merge, inside the caller's transaction. */
    @Transactional
    public int moveOrders(UUID from, UUID to) {
        return orders.reassign(from, to);
    }
}
