package app.pos.loyalty;

import app.pos.order.OrderLoyalties;
import app.pos.order.OrderView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The loyalty section of orders from their EARN and REDEEM entries, in one query: the loyalty feature's side of
 * {@link OrderLoyalties}. An order without either (a walk-in, a non-member, the program off) has none; the EARN entry,
 * written last in the order's transaction, holds the balance and tier after the order.
 */
@Component
class OrderLoyaltiesAdapter implements OrderLoyalties {

    private final JdbcClient jdbc;

    OrderLoyaltiesAdapter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Entry(UUID orderId, EntryType type, long points, Long balanceAfter, String tierAfter) {}

    @Override
    public Map<UUID, OrderView.Loyalty> of(List<UUID> orderIds) {
        Map<UUID, OrderView.Loyalty> sections = new HashMap<>();
        if (orderIds.isEmpty()) {
            return sections;
        }
        List<Entry> entries = jdbc.sql("SELECT order_id, type, points, balance_after, tier_after FROM loyalty_entries "
                        + "WHERE order_id IN (:ids) AND type IN ('EARN', 'REDEEM')")
                .param("ids", orderIds)
                .query((rs, n) -> new Entry(
                        rs.getObject("order_id", UUID.class),
                        EntryType.valueOf(rs.getString("type")),
                        rs.getLong("points"),
                        rs.getObject("balance_after", Long.class),
                        rs.getString("tier_after")))
                .list();
        for (Entry entry : entries) {
            OrderView.Loyalty known = sections.getOrDefault(entry.orderId(), new OrderView.Loyalty(0, 0, null, null));
            sections.put(
                    entry.orderId(),
                    entry.type() == EntryType.EARN
                            ? new OrderView.Loyalty(
                                    entry.points(), known.pointsRedeemed(), entry.balanceAfter(), entry.tierAfter())
                            : new OrderView.Loyalty(
                                    known.pointsEarned(), -entry.points(), known.balanceAfter(), known.tier()));
        }
        return sections;
    }
}
