package app.pos.loyalty;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's entries and the balance row they keep. A balance changes only through {@link #add} (or
 * {@link #addRefundReversal}): one UPDATE relative to the stored value, run in the transaction that inserts the
 * entry.
 */
@Repository
class LedgerRepository {

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Balance(long balance, long lifetimeEarned, String tier, OffsetDateTime tierReachedAt) {
        static final Balance NONE = new Balance(0, 0, null, null);
    }

    record Earned(UUID customerId, long points, BigDecimal basis, OffsetDateTime spendAt) {}

    /**
     * Locks the customer's balance row, creating it first if missing (safe against a concurrent first entry): one
     * statement for a customer who has one, as every member after their first order.
     */
    Balance lock(UUID customerId) {
        return locked(customerId).orElseGet(() -> {
            jdbc.sql("INSERT INTO loyalty_balances (customer_id) VALUES (:id) ON CONFLICT DO NOTHING")
                    .param("id", customerId)
                    .update();
            return locked(customerId).orElseThrow();
        });
    }

    private Optional<Balance> locked(UUID customerId) {
        return jdbc.sql("SELECT balance, lifetime_earned, tier, tier_reached_at FROM loyalty_balances "
                        + "WHERE customer_id = :id FOR UPDATE")
                .param("id", customerId)
                .query((rs, n) -> new Balance(
                        rs.getLong("balance"),
                        rs.getLong("lifetime_earned"),
                        rs.getString("tier"),
                        rs.getObject("tier_reached_at", OffsetDateTime.class)))
                .optional();
    }

    Balance balance(UUID customerId) {
        return jdbc.sql("SELECT balance, lifetime_earned, tier, tier_reached_at FROM loyalty_balances "
                        + "WHERE customer_id = :id")
                .param("id", customerId)
                .query((rs, n) -> new Balance(
                        rs.getLong("balance"),
                        rs.getLong("lifetime_earned"),
                        rs.getString("tier"),
                        rs.getObject("tier_reached_at", OffsetDateTime.class)))
                .optional()
                .orElse(Balance.NONE);
    }

    /** Appends an entry and moves the balance by its points, in the caller's transaction. */
    void add(
            UUID customerId,
            EntryType type,
            long points,
            long earned,
            BigDecimal basis,
            OffsetDateTime spendAt,
            UUID orderId,
            String staff,
            String reason,
            OffsetDateTime at) {
        insert(customerId, type, points, basis, spendAt, orderId, null, staff, reason, at, null, null);
        move(customerId, points, earned);
    }

    /**
     * An order's EARN entry, with the balance and tier the customer has after the order (the caller holds the
     * balance row's lock, so they are exact), and the balance moved by its points.
     */
    void earn(
            UUID customerId,
            long points,
            BigDecimal basis,
            OffsetDateTime spendAt,
            UUID orderId,
            String staff,
            OffsetDateTime at,
            long balanceAfter,
            String tierAfter) {
        insert(
                customerId,
                EntryType.EARN,
                points,
                basis,
                spendAt,
                orderId,
                null,
                staff,
                null,
                at,
                balanceAfter,
                tierAfter);
        move(customerId, points, points);
    }

    /**
     * Spends {@code points} of the balance if it holds that many: one conditional UPDATE, so of concurrent
     * redemptions that each need the whole balance exactly one succeeds; then the REDEEM entry. False (and nothing
     * written) when the balance is short, negative or missing.
     */
    boolean redeem(UUID customerId, long points, UUID orderId, String staff, OffsetDateTime at) {
        int updated = jdbc.sql("UPDATE loyalty_balances SET balance = balance - :points "
                        + "WHERE customer_id = :customer AND balance >= :points")
                .param("customer", customerId)
                .param("points", points)
                .update();
        if (updated == 0) {
            return false;
        }
        insert(
                customerId,
                EntryType.REDEEM,
                -points,
                BigDecimal.ZERO,
                null,
                orderId,
                null,
                staff,
                null,
                at,
                null,
                null);
        return true;
    }

    private void insert(
            UUID customerId,
            EntryType type,
            long points,
            BigDecimal basis,
            OffsetDateTime spendAt,
            UUID orderId,
            UUID refundId,
            String staff,
            String reason,
            OffsetDateTime at,
            Long balanceAfter,
            String tierAfter) {
        jdbc.sql("INSERT INTO loyalty_entries (customer_id, type, points, basis, spend_at, order_id, refund_id, staff, "
                        + "reason, created_at, balance_after, tier_after) VALUES (:customer, :type, :points, :basis, "
                        + ":spendAt, :order, :refund, :staff, :reason, :at, :balanceAfter, :tierAfter)")
                .param("customer", customerId)
                .param("type", type.name())
                .param("points", points)
                .param("basis", basis)
                .param("spendAt", spendAt)
                .param("order", orderId)
                .param("refund", refundId)
                .param("staff", staff)
                .param("reason", reason)
                .param("at", at)
                .param("balanceAfter", balanceAfter)
                .param("tierAfter", tierAfter)
                .update();
    }

    /**
     * Appends a refund's REVERSAL of its order's points (lifetime earned goes down by as much) and moves the
     * balance; a second one for the same refund violates the unique key on (cause_id, type).
     */
    void addRefundReversal(
            UUID customerId,
            long points,
            BigDecimal basis,
            OffsetDateTime spendAt,
            UUID orderId,
            UUID refundId,
            String staff,
            OffsetDateTime at) {
        insert(customerId, EntryType.REVERSAL, points, basis, spendAt, orderId, refundId, staff, null, at, null, null);
        move(customerId, points, points);
    }

    private void move(UUID customerId, long points, long earned) {
        jdbc.sql("UPDATE loyalty_balances SET balance = balance + :points, lifetime_earned = lifetime_earned + :earned "
                        + "WHERE customer_id = :customer")
                .param("customer", customerId)
                .param("points", points)
                .param("earned", earned)
                .update();
    }

    /** The qualifying spend: the basis of orders placed since {@code since}, less what their voids took back. */
    BigDecimal spendSince(UUID customerId, OffsetDateTime since) {
        return jdbc.sql("SELECT COALESCE(SUM(basis), 0) FROM loyalty_entries WHERE customer_id = :id "
                        + "AND spend_at >= :since")
                .param("id", customerId)
                .param("since", since)
                .query(BigDecimal.class)
                .single();
    }

    Optional<Earned> earnedBy(UUID orderId) {
        return jdbc.sql("SELECT customer_id, points, basis, spend_at FROM loyalty_entries WHERE order_id = :order "
                        + "AND type = 'EARN'")
                .param("order", orderId)
                .query((rs, n) -> new Earned(
                        rs.getObject("customer_id", UUID.class),
                        rs.getLong("points"),
                        rs.getBigDecimal("basis"),
                        rs.getObject("spend_at", OffsetDateTime.class)))
                .optional();
    }

    /** The customer and (positive) points of the order's REDEEM entry. */
    Optional<Earned> redeemedBy(UUID orderId) {
        return jdbc.sql("SELECT customer_id, points FROM loyalty_entries WHERE order_id = :order AND type = 'REDEEM'")
                .param("order", orderId)
                .query((rs, n) -> new Earned(
                        rs.getObject("customer_id", UUID.class), -rs.getLong("points"), BigDecimal.ZERO, null))
                .optional();
    }

    /** Whether the order has an entry of this type of its own (a refund's REVERSAL does not count). */
    boolean hasEntry(UUID orderId, EntryType type) {
        return jdbc.sql("SELECT COUNT(*) FROM loyalty_entries WHERE order_id = :order AND type = :type "
                                + "AND refund_id IS NULL")
                        .param("order", orderId)
                        .param("type", type.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<LedgerEntry> entries(UUID customerId, int offset, int limit) {
        return jdbc.sql("SELECT id, type, points, order_id, staff, reason, created_at, refund_id FROM loyalty_entries "
                        + "WHERE customer_id = :id ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .param("id", customerId)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, n) -> new LedgerEntry(
                        rs.getLong("id"),
                        EntryType.valueOf(rs.getString("type")),
                        rs.getLong("points"),
                        rs.getObject("order_id", UUID.class),
                        rs.getString("staff"),
                        rs.getString("reason"),
                        rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("refund_id", UUID.class)))
                .list();
    }

    /**
     * Moves every entry and tier change of {@code removed} to {@code kept} and adds the removed balance row to the
     * kept one (one UPDATE), then deletes it; both rows are locked by the caller.
     */
    void move(UUID removed, UUID kept) {
        jdbc.sql("UPDATE loyalty_entries SET customer_id = :kept WHERE customer_id = :removed")
                .param("kept", kept)
                .param("removed", removed)
                .update();
        jdbc.sql("UPDATE loyalty_tier_changes SET customer_id = :kept WHERE customer_id = :removed")
                .param("kept", kept)
                .param("removed", removed)
                .update();
        jdbc.sql("UPDATE loyalty_balances SET "
                        + "balance = balance + (SELECT r.balance FROM loyalty_balances r WHERE r.customer_id = :removed), "
                        + "lifetime_earned = lifetime_earned "
                        + "+ (SELECT r.lifetime_earned FROM loyalty_balances r WHERE r.customer_id = :removed) "
                        + "WHERE customer_id = :kept")
                .param("kept", kept)
                .param("removed", removed)
                .update();
        jdbc.sql("DELETE FROM loyalty_balances WHERE customer_id = :removed")
                .param("removed", removed)
                .update();
    }

    boolean hasEntries(UUID customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM loyalty_entries WHERE customer_id = :id")
                        .param("id", customerId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void deleteBalance(UUID customerId) {
        jdbc.sql("DELETE FROM loyalty_balances WHERE customer_id = :id")
                .param("id", customerId)
                .update();
    }
}
