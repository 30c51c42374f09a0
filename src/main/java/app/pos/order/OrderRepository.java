package app.pos.order;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrderRepository {

    static final String COLUMNS = """
            id, number, customer_id, customer_name, customer_number, customer_address, order_type, payment_method,
            status, delivery_address, note, subtotal, discount, tax, total, tax_rate, cash_tendered, created_at, voided_at""";

    private final JdbcClient jdbc;
    private final RefundRepository refunds;
    private final OrderLoyalties loyalties;

    OrderRepository(JdbcClient jdbc, RefundRepository refunds, OrderLoyalties loyalties) {
        this.jdbc = jdbc;
        this.refunds = refunds;
        this.loyalties = loyalties;
    }

    long nextNumber() {
        return jdbc.sql("SELECT nextval('order_number_seq')").query(Long.class).single();
    }

    void insert(OrderView o, String idempotencyKey, String requestHash, String createdBy) {
        jdbc.sql("""
                INSERT INTO orders (id, number, customer_id, customer_name, customer_number, customer_address,
                                    order_type, payment_method, status, delivery_address, note,
                                    subtotal, discount, tax, total, tax_rate, cash_tendered,
                                    idempotency_key, request_hash, created_by, placed_in_pos, created_at)
                VALUES (:id, :number, :customerId, :customerName, :customerNumber, :customerAddress,
                        :orderType, :paymentMethod, :status, :deliveryAddress, :note,
                        :subtotal, :discount, :tax, :total, :taxRate, :cashTendered, :key, :hash, :createdBy, TRUE, :createdAt)
                """)
                .param("id", o.id())
                .param("number", o.number())
                .param("customerId", o.customerId())
                .param("customerName", o.customerName())
                .param("customerNumber", o.customerNumber())
                .param("customerAddress", o.customerAddress())
                .param("orderType", o.orderType().name())
                .param("paymentMethod", o.paymentMethod().name())
                .param("status", o.status().name())
                .param("deliveryAddress", o.deliveryAddress())
                .param("note", o.note())
                .param("subtotal", o.subtotal())
                .param("discount", o.discount())
                .param("tax", o.tax())
                .param("total", o.total())
                .param("taxRate", o.taxRate())
                .param("cashTendered", o.cashTendered())
                .param("key", idempotencyKey)
                .param("hash", requestHash)
                .param("createdBy", createdBy)
                .param("createdAt", o.createdAt())
                .update();
        int lineNo = 0;
        for (OrderView.Line line : o.items()) {
            jdbc.sql("""
                    INSERT INTO order_items (order_id, line_no, product_id, product_name, unit_price, quantity, line_total)
                    VALUES (:orderId, :lineNo, :productId, :name, :unitPrice, :quantity, :lineTotal)
                    """)
                    .param("orderId", o.id())
                    .param("lineNo", ++lineNo)
                    .param("productId", line.productId())
                    .param("name", line.name())
                    .param("unitPrice", line.unitPrice())
                    .param("quantity", line.quantity())
                    .param("lineTotal", line.lineTotal())
                    .update();
        }
    }

    record KeyedOrder(UUID id, String requestHash) {}

    /** Keys are scoped to the staff user who sent them (unique on created_by and idempotency_key). */
    Optional<KeyedOrder> findByIdempotencyKey(String staff, String key) {
        return jdbc.sql("SELECT id, request_hash FROM orders WHERE created_by = :staff AND idempotency_key = :key")
                .param("staff", staff)
                .param("key", key)
                .query((rs, n) -> new KeyedOrder(rs.getObject("id", UUID.class), rs.getString("request_hash")))
                .optional();
    }

    Optional<OrderView> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id")
                .param("id", id)
                .query(OrderRepository::map)
                .optional()
                .map(o -> o.withItems(itemsOf(List.of(id)).getOrDefault(id, List.of()))
                        .withRefunds(refunds.refundsOf(List.of(id)).getOrDefault(id, List.of()))
                        .withLoyalty(loyalties.of(List.of(id)).get(id)));
    }

    Optional<OrderView> lockById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(OrderRepository::map)
                .optional();
    }

    void markVoided(UUID id, OrderStatus status, OffsetDateTime at, String by) {
        jdbc.sql("UPDATE orders SET status = :status, voided_at = :at, voided_by = :by WHERE id = :id")
                .param("id", id)
                .param("status", status.name())
                .param("at", at)
                .param("by", by)
                .update();
    }

    /** A page of the customer's orders, newest first, fetching one extra row to tell whether more follow. */
    List<OrderView> findByCustomer(UUID customerId, int page, int size) {
        List<OrderView> orders = jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE customer_id = :customerId "
                        + "ORDER BY created_at DESC, number DESC LIMIT :limit OFFSET :offset")
                .param("customerId", customerId)
                .param("limit", size + 1)
                .param("offset", (long) page * size)
                .query(OrderRepository::map)
                .list();
        return withItems(orders);
    }

    /** The customer's newest completed order with its lines; voided ones are not what they usually have. */
    Optional<OrderView> findLastCompletedByCustomer(UUID customerId) {
        return withItems(jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE customer_id = :customerId "
                                + "AND status = 'COMPLETED' ORDER BY created_at DESC, number DESC LIMIT 1")
                        .param("customerId", customerId)
                        .query(OrderRepository::map)
                        .list())
                .stream()
                .findFirst();
    }

    /** Orders placed in [from, to), newest first. */
    List<OrderView> placedBetween(OffsetDateTime from, OffsetDateTime to, int limit) {
        return withItems(jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE created_at >= :from AND created_at < :to "
                        + "ORDER BY created_at DESC, number DESC LIMIT :limit")
                .param("from", from)
                .param("to", to)
                .param("limit", limit)
                .query(OrderRepository::map)
                .list());
    }

    private List<OrderView> withItems(List<OrderView> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        List<UUID> ids = orders.stream().map(OrderView::id).toList();
        Map<UUID, List<OrderView.Line>> items = itemsOf(ids);
        Map<UUID, List<RefundView>> refunded = refunds.refundsOf(ids);
        Map<UUID, OrderView.Loyalty> loyalty = loyalties.of(ids);
        return orders.stream()
                .map(o -> o.withItems(items.getOrDefault(o.id(), List.of()))
                        .withRefunds(refunded.getOrDefault(o.id(), List.of()))
                        .withLoyalty(loyalty.get(o.id())))
                .toList();
    }

    private Map<UUID, List<OrderView.Line>> itemsOf(List<UUID> orderIds) {
        Map<UUID, List<OrderView.Line>> byOrder = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT order_id, product_id, product_name, unit_price, quantity, line_total FROM order_items
                WHERE order_id IN (:ids) ORDER BY order_id, line_no
                """).param("ids", orderIds).query((ResultSet rs) -> {
            byOrder.computeIfAbsent(rs.getObject("order_id", UUID.class), k -> new ArrayList<>())
                    .add(new OrderView.Line(
                            rs.getObject("product_id", UUID.class),
                            rs.getString("product_name"),
                            rs.getBigDecimal("unit_price"),
                            rs.getInt("quantity"),
                            rs.getBigDecimal("line_total")));
        });
        return byOrder;
    }

    /** 0.080000 as stored reads as 0.08. */
    private static BigDecimal rate(BigDecimal stored) {
        return stored == null ? null : stored.stripTrailingZeros();
    }

    static OrderView map(ResultSet rs, int row) throws SQLException {
        return new OrderView(
                rs.getObject("id", UUID.class),
                rs.getLong("number"),
                rs.getObject("customer_id", UUID.class),
                rs.getString("customer_name"),
                rs.getString("customer_number"),
                rs.getString("customer_address"),
                OrderType.valueOf(rs.getString("order_type")),
                PaymentMethod.valueOf(rs.getString("payment_method")),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getString("delivery_address"),
                rs.getString("note"),
                List.of(),
                rs.getBigDecimal("subtotal"),
                rs.getBigDecimal("discount"),
                rs.getBigDecimal("tax"),
                rs.getBigDecimal("total"),
                rate(rs.getBigDecimal("tax_rate")),
                rs.getBigDecimal("cash_tendered"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("voided_at", OffsetDateTime.class),
                List.of());
    }
}
