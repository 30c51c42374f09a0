package app.pos.loyalty;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A customer's tier on their balance row and the history of its changes. */
@Repository
class TierRepository {

    private final JdbcClient jdbc;

    TierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Change(String fromTier, String toTier, OffsetDateTime previousReachedAt, UUID orderId) {}

    /** Sets the tier (the balance row is locked by the caller) and records the change. */
    void change(
            UUID customerId,
            String from,
            OffsetDateTime previousReachedAt,
            String to,
            OffsetDateTime reachedAt,
            UUID orderId,
            OffsetDateTime at) {
        jdbc.sql("UPDATE loyalty_balances SET tier = :tier, tier_reached_at = :reached WHERE customer_id = :id")
                .param("id", customerId)
                .param("tier", to)
                .param("reached", reachedAt)
                .update();
        jdbc.sql("INSERT INTO loyalty_tier_changes (customer_id, from_tier, to_tier, previous_reached_at, order_id, "
                        + "changed_at) VALUES (:id, :from, :to, :previous, :order, :at)")
                .param("id", customerId)
                .param("from", from)
                .param("to", to)
                .param("previous", previousReachedAt)
                .param("order", orderId)
                .param("at", at)
                .update();
    }

    Optional<Change> last(UUID customerId) {
        return jdbc.sql("SELECT from_tier, to_tier, previous_reached_at, order_id FROM loyalty_tier_changes "
                        + "WHERE customer_id = :id ORDER BY id DESC LIMIT 1")
                .param("id", customerId)
                .query((rs, n) -> new Change(
                        rs.getString("from_tier"),
                        rs.getString("to_tier"),
                        rs.getObject("previous_reached_at", OffsetDateTime.class),
                        rs.getObject("order_id", UUID.class)))
                .optional();
    }
}
