package app.pos.order;

import app.pos.shared.Money;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code order_refunds} and {@code order_refund_lines} tables. */
@Repository
class RefundRepository {

    private final JdbcClient jdbc;
    private final RefundPoints points;

    RefundRepository(JdbcClient jdbc, RefundPoints points) {
        this.jdbc = jdbc;
        this.points = points;
    }

    /** A refund line as stored: the order line it takes back. */
    record StoredLine(int lineNo, RefundView.Line line) {}

    void insert(RefundView refund, List<StoredLine> lines, String key, String hash) {
        jdbc.sql("""
                INSERT INTO order_refunds (id, order_id, amount, reason, idempotency_key, request_hash, created_by,
                                           created_at)
                VALUES (:id, :orderId, :amount, :reason, :key, :hash, :staff, :createdAt)
                """)
                .param("id", refund.id())
                .param("orderId", refund.orderId())
                .param("amount", refund.amount())
                .param("reason", refund.reason())
                .param("key", key)
                .param("hash", hash)
                .param("staff", refund.staff())
                .param("createdAt", refund.createdAt())
                .update();
        for (StoredLine stored : lines) {
            jdbc.sql("""
                    INSERT INTO order_refund_lines (refund_id, order_id, line_no, product_id, quantity, amount)
                    VALUES (:refundId, :orderId, :lineNo, :productId, :quantity, :amount)
                    """)
                    .param("refundId", refund.id())
                    .param("orderId", refund.orderId())
                    .param("lineNo", stored.lineNo())
                    .param("productId", stored.line().productId())
                    .param("quantity", stored.line().quantity())
                    .param("amount", stored.line().amount())
                    .update();
        }
    }

    record KeyedRefund(UUID id, String requestHash) {}

    Optional<KeyedRefund> findByIdempotencyKey(String staff, String key) {
        return jdbc.sql(
                        "SELECT id, request_hash FROM order_refunds WHERE created_by = :staff AND idempotency_key = :key")
                .param("staff", staff)
                .param("key", key)
                .query((rs, n) -> new KeyedRefund(rs.getObject("id", UUID.class), rs.getString("request_hash")))
                .optional();
    }

    /** An order line as a refund needs it. */
    record SoldLine(int lineNo, UUID productId, String name, int quantity, java.math.BigDecimal lineTotal) {}

    List<SoldLine> soldLines(UUID orderId) {
        return jdbc.sql(
                        "SELECT line_no, product_id, product_name, quantity, line_total FROM order_items WHERE order_id = :id "
                                + "ORDER BY line_no")
                .param("id", orderId)
                .query((rs, n) -> new SoldLine(
                        rs.getInt("line_no"),
                        rs.getObject("product_id", UUID.class),
                        rs.getString("product_name"),
                        rs.getInt("quantity"),
                        rs.getBigDecimal("line_total")))
                .list();
    }

    /** Units refunded so far, by order line number. */
    Map<Integer, Integer> refundedUnits(UUID orderId) {
        Map<Integer, Integer> units = new LinkedHashMap<>();
        jdbc.sql("SELECT line_no, SUM(quantity) AS units FROM order_refund_lines WHERE order_id = :id GROUP BY line_no")
                .param("id", orderId)
                .query((ResultSet rs) -> {
                    units.put(rs.getInt("line_no"), rs.getInt("units"));
                });
        return units;
    }

    UUID orderOf(UUID refundId) {
        return jdbc.sql("SELECT order_id FROM order_refunds WHERE id = :id")
                .param("id", refundId)
                .query(UUID.class)
                .single();
    }

    boolean exists(UUID orderId) {
        return jdbc.sql("SELECT COUNT(*) FROM order_refunds WHERE order_id = :id")
                        .param("id", orderId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The orders' refunds, oldest first, with their lines. */
    Map<UUID, List<RefundView>> refundsOf(List<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return load("(:ids)", "ids", orderIds);
    }

    /** The refunds of every order of the customer, by order. */
    Map<UUID, List<RefundView>> refundsOfCustomer(UUID customerId) {
        return load("(SELECT id FROM orders WHERE customer_id = :customerId)", "customerId", customerId);
    }

    private Map<UUID, List<RefundView>> load(String orders, String param, Object value) {
        List<RefundView> all = new ArrayList<>();
        Map<UUID, List<RefundView.Line>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT l.refund_id, l.product_id, i.product_name, l.quantity, l.amount
                FROM order_refund_lines l JOIN order_items i ON i.order_id = l.order_id AND i.line_no = l.line_no
                WHERE l.order_id IN """ + orders + " ORDER BY l.refund_id, l.line_no")
                .param(param, value)
                .query((ResultSet rs) -> {
                    lines.computeIfAbsent(rs.getObject("refund_id", UUID.class), k -> new ArrayList<>())
                            .add(new RefundView.Line(
                                    rs.getObject("product_id", UUID.class),
                                    rs.getString("product_name"),
                                    rs.getInt("quantity"),
                                    rs.getBigDecimal("amount")));
                });
        jdbc.sql("""
                SELECT id, order_id, amount, reason, created_by, created_at FROM order_refunds
                WHERE order_id IN """ + orders + " ORDER BY created_at, id").param(param, value).query((ResultSet rs) -> {
            UUID id = rs.getObject("id", UUID.class);
            all.add(new RefundView(
                    id,
                    rs.getObject("order_id", UUID.class),
                    rs.getBigDecimal("amount"),
                    List.copyOf(lines.getOrDefault(id, List.of())),
                    rs.getString("reason"),
                    0,
                    rs.getObject("created_at", OffsetDateTime.class),
                    rs.getString("created_by")));
        });
        Map<UUID, Integer> reversed = all.isEmpty()
                ? Map.of()
                : points.reversedBy(all.stream().map(RefundView::id).toList());
        Map<UUID, List<RefundView>> byOrder = new LinkedHashMap<>();
        for (RefundView refund : all) {
            byOrder.computeIfAbsent(refund.orderId(), k -> new ArrayList<>())
                    .add(refund.withPointsReversed(reversed.getOrDefault(refund.id(), 0)));
        }
        return byOrder;
    }

    /** Refunds made in [from, to), whenever their order was placed, by the payment method of their order. */
    Map<PaymentMethod, SalesReport.PaymentTotal> byPaymentMethod(OffsetDateTime from, OffsetDateTime to) {
        Map<PaymentMethod, SalesReport.PaymentTotal> byMethod = new EnumMap<>(PaymentMethod.class);
        jdbc.sql("""
                SELECT o.payment_method, COUNT(*) AS refunds, SUM(r.amount) AS amount
                FROM order_refunds r JOIN orders o ON o.id = r.order_id
                WHERE r.created_at >= :from AND r.created_at < :to GROUP BY o.payment_method
                """)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> new SalesReport.PaymentTotal(
                        PaymentMethod.valueOf(rs.getString("payment_method")),
                        rs.getLong("refunds"),
                        Money.of(rs.getBigDecimal("amount"))))
                .list()
                .forEach(p -> byMethod.put(p.method(), p));
        return byMethod;
    }
}
