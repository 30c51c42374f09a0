package app.pos.order;

import app.pos.shared.Money;
import app.pos.shared.ShopTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures for the dashboard and the till's cash-up, over orders placed in [from, to). Revenue (the summary, the
 * payment split, the cash-up) is net: the refunds made in [from, to) are taken off it. Top customers, top products and
 * the daily revenue chart still count orders as sold.
 */
@Service
@Transactional(readOnly = true)
public class SalesReport {

    private final JdbcClient jdbc;
    private final RefundRepository refunds;

    SalesReport(JdbcClient jdbc, RefundRepository refunds) {
        this.jdbc = jdbc;
        this.refunds = refunds;
    }

    public record Summary(
            BigDecimal revenue, long orders, BigDecimal averageOrder, long newCustomers, long returningCustomers) {}

    /** Completed orders and their amounts taken with one payment method. */
    public record PaymentTotal(PaymentMethod method, long orders, BigDecimal total) {}

    /**
     * The end-of-day figures: completed orders, their revenue (totals, less the refunds made in the period) and tax
     * (as sold), the same per payment method (every method present, zero when unused; refunds taken off the method
     * the order was paid with), the voided orders apart (not in the revenue) and the refunds made in the period.
     */
    public record CashUp(
            long orders,
            BigDecimal revenue,
            BigDecimal tax,
            List<PaymentTotal> byPayment,
            long voids,
            BigDecimal voidedTotal,
            long refunds,
            BigDecimal refundedTotal) {}

    public record TopCustomer(UUID customerId, String name, BigDecimal spent, long orders) {}

    /** A product's sales in a period: units sold and their line totals (before tax). */
    public record ProductSales(UUID productId, String name, long quantity, BigDecimal revenue) {}

    /** Completed orders paid one way in a period, and what they came to (totals with tax). */
    public record PaymentShare(PaymentMethod method, long orders, BigDecimal amount) {}

    public Summary summary(OffsetDateTime from, OffsetDateTime to) {
        Object[] totals = jdbc.sql("""
                SELECT COUNT(*) AS orders, COALESCE(SUM(total), 0) AS revenue FROM orders
                WHERE status = 'COMPLETED' AND created_at >= :from AND created_at < :to
                """)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new Object[] {rs.getLong("orders"), rs.getBigDecimal("revenue")})
                .single();
        long orders = (Long) totals[0];
        BigDecimal revenue = Money.of((BigDecimal) totals[1])
                .subtract(refunds.byPaymentMethod(from, to).values().stream()
                        .map(PaymentTotal::total)
                        .reduce(Money.ZERO, BigDecimal::add));
        // New: the customer's first completed order falls in the period. Returning: a completed order in the period
        // and either one before it or more than one in it (so a new customer who came twice counts in both).
        long[] customers = jdbc.sql("""
                SELECT COALESCE(SUM(CASE WHEN had_before = 0 THEN 1 ELSE 0 END), 0) AS new_customers,
                       COALESCE(SUM(CASE WHEN had_before = 1 OR visits > 1 THEN 1 ELSE 0 END), 0) AS returning_customers
                FROM (SELECT o.customer_id, COUNT(*) AS visits,
                             CASE WHEN EXISTS (SELECT 1 FROM orders p WHERE p.customer_id = o.customer_id
                                               AND p.status = 'COMPLETED' AND p.created_at < :from)
                                  THEN 1 ELSE 0 END AS had_before
                      FROM orders o
                      WHERE o.status = 'COMPLETED' AND o.customer_id IS NOT NULL
                        AND o.created_at >= :from AND o.created_at < :to
                      GROUP BY o.customer_id) c
                """)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new long[] {rs.getLong("new_customers"), rs.getLong("returning_customers")})
                .single();
        BigDecimal average =
                orders == 0 ? Money.ZERO : revenue.divide(BigDecimal.valueOf(orders), 2, RoundingMode.HALF_UP);
        return new Summary(revenue, orders, average, customers[0], customers[1]);
    }

    private record CashUpRow(OrderStatus status, PaymentMethod method, long orders, BigDecimal total, BigDecimal tax) {}

    public CashUp cashUp(OffsetDateTime from, OffsetDateTime to) {
        List<CashUpRow> rows = jdbc.sql("""
                SELECT status, payment_method, COUNT(*) AS orders, SUM(total) AS total, SUM(tax) AS tax FROM orders
                WHERE created_at >= :from AND created_at < :to
                GROUP BY status, payment_method
                """)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new CashUpRow(
                        OrderStatus.valueOf(rs.getString("status")),
                        PaymentMethod.valueOf(rs.getString("payment_method")),
                        rs.getLong("orders"),
                        Money.of(rs.getBigDecimal("total")),
                        Money.of(rs.getBigDecimal("tax"))))
                .list();
        List<CashUpRow> completed =
                rows.stream().filter(r -> r.status() == OrderStatus.COMPLETED).toList();
        List<CashUpRow> voided =
                rows.stream().filter(r -> r.status() == OrderStatus.VOIDED).toList();
        Map<PaymentMethod, PaymentTotal> refunded = refunds.byPaymentMethod(from, to);
        PaymentTotal none = new PaymentTotal(null, 0, Money.ZERO);
        List<PaymentTotal> byPayment = Arrays.stream(PaymentMethod.values())
                .map(method -> completed.stream()
                        .filter(r -> r.method() == method)
                        .findFirst()
                        .map(r -> new PaymentTotal(method, r.orders(), r.total()))
                        .orElse(new PaymentTotal(method, 0, Money.ZERO)))
                .map(p -> new PaymentTotal(
                        p.method(),
                        p.orders(),
                        p.total()
                                .subtract(
                                        refunded.getOrDefault(p.method(), none).total())))
                .toList();
        BigDecimal refundedTotal =
                refunded.values().stream().map(PaymentTotal::total).reduce(Money.ZERO, BigDecimal::add);
        return new CashUp(
                completed.stream().mapToLong(CashUpRow::orders).sum(),
                sum(completed, CashUpRow::total).subtract(refundedTotal),
                sum(completed, CashUpRow::tax),
                byPayment,
                voided.stream().mapToLong(CashUpRow::orders).sum(),
                sum(voided, CashUpRow::total),
                refunded.values().stream().mapToLong(PaymentTotal::orders).sum(),
                refundedTotal);
    }

    private static BigDecimal sum(List<CashUpRow> rows, Function<CashUpRow, BigDecimal> amount) {
        return rows.stream().map(amount).reduce(Money.ZERO, BigDecimal::add);
    }

    public List<TopCustomer> topCustomers(OffsetDateTime from, OffsetDateTime to, int limit) {
        return jdbc.sql("""
                SELECT customer_id, MAX(customer_name) AS name, SUM(total) AS spent, COUNT(*) AS orders FROM orders
                WHERE status = 'COMPLETED' AND customer_id IS NOT NULL AND created_at >= :from AND created_at < :to
                GROUP BY customer_id ORDER BY spent DESC, customer_id LIMIT :limit
                """)
                .param("from", from)
                .param("to", to)
                .param("limit", limit)
                .query((rs, n) -> new TopCustomer(
                        rs.getObject("customer_id", UUID.class),
                        rs.getString("name"),
                        Money.of(rs.getBigDecimal("spent")),
                        rs.getLong("orders")))
                .list();
    }

    /**
     * The products sold most in [from, to): by units, then by revenue; voided orders excluded. Lines of a product
     * since deleted from the menu keep the name they were sold under.
     */
    public List<ProductSales> topProducts(OffsetDateTime from, OffsetDateTime to, int limit) {
        return jdbc.sql("""
                SELECT i.product_id, MAX(i.product_name) AS name, SUM(i.quantity) AS quantity,
                       SUM(i.line_total) AS revenue
                FROM order_items i JOIN orders o ON o.id = i.order_id
                WHERE o.status = 'COMPLETED' AND o.created_at >= :from AND o.created_at < :to
                GROUP BY i.product_id, CASE WHEN i.product_id IS NULL THEN i.product_name END
                ORDER BY quantity DESC, revenue DESC, name, i.product_id LIMIT :limit
                """)
                .param("from", from)
                .param("to", to)
                .param("limit", limit)
                .query((rs, n) -> new ProductSales(
                        rs.getObject("product_id", UUID.class),
                        rs.getString("name"),
                        rs.getLong("quantity"),
                        Money.of(rs.getBigDecimal("revenue"))))
                .list();
    }

    /**
     * Completed orders in [from, to) per payment method, every method present (zero when none), in enum order; the
     * amounts less the refunds made in [from, to), taken off the method their order was paid with.
     */
    public List<PaymentShare> paymentSplit(OffsetDateTime from, OffsetDateTime to) {
        Map<PaymentMethod, PaymentShare> shares = new EnumMap<>(PaymentMethod.class);
        for (PaymentMethod method : PaymentMethod.values()) {
            shares.put(method, new PaymentShare(method, 0, Money.ZERO));
        }
        jdbc.sql("""
                SELECT payment_method, COUNT(*) AS orders, SUM(total) AS amount FROM orders
                WHERE status = 'COMPLETED' AND created_at >= :from AND created_at < :to
                GROUP BY payment_method
                """).param("from", from).param("to", to).query((java.sql.ResultSet rs) -> {
            PaymentMethod method = PaymentMethod.valueOf(rs.getString("payment_method"));
            shares.put(method, new PaymentShare(method, rs.getLong("orders"), Money.of(rs.getBigDecimal("amount"))));
        });
        refunds.byPaymentMethod(from, to)
                .forEach((method, refunded) -> shares.compute(
                        method,
                        (m, share) -> new PaymentShare(
                                m, share.orders(), share.amount().subtract(refunded.total()))));
        return List.copyOf(shares.values());
    }

    /** Revenue per business day of the shop, every day of the range present (zero when nothing sold). */
    public Map<LocalDate, BigDecimal> dailyRevenue(LocalDate firstDay, LocalDate lastDay, ShopTime time) {
        Map<LocalDate, BigDecimal> days = new LinkedHashMap<>();
        for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
            days.put(d, Money.ZERO);
        }
        jdbc.sql("""
                SELECT created_at, total FROM orders
                WHERE status = 'COMPLETED' AND created_at >= :from AND created_at < :to
                """)
                .param("from", time.startOf(firstDay))
                .param("to", time.startOf(lastDay.plusDays(1)))
                .query((java.sql.ResultSet rs) -> {
                    LocalDate day = time.dayOf(rs.getObject("created_at", OffsetDateTime.class));
                    BigDecimal total = rs.getBigDecimal("total");
                    days.computeIfPresent(day, (d, sum) -> sum.add(total));
                });
        return days;
    }
}
