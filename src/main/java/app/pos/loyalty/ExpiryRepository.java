package app.pos.loyalty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What points expiry reads: a customer's ledger as lots, the customers worth a look, and the past runs. */
@Repository
class ExpiryRepository {

    private final JdbcClient jdbc;

    ExpiryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Run(OffsetDateTime startedAt, OffsetDateTime lotsBefore) {}

    List<ExpiryLots.Entry> ledger(UUID customerId) {
        return jdbc.sql("SELECT id, type, points, order_id, created_at FROM loyalty_entries WHERE customer_id = :id")
                .param("id", customerId)
                .query((rs, n) -> new ExpiryLots.Entry(
                        rs.getLong("id"),
                        EntryType.valueOf(rs.getString("type")),
                        rs.getLong("points"),
                        rs.getObject("order_id", UUID.class),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * Customers with a positive balance and a lot written from {@code from} to before {@code to}, or a merge since
     * {@code mergedSince} (moved entries bring older lots): the next {@code limit} after {@code after}.
     */
    List<UUID> withLotsBetween(
            OffsetDateTime from, OffsetDateTime to, OffsetDateTime mergedSince, UUID after, int limit) {
        return jdbc.sql("SELECT DISTINCT e.customer_id FROM loyalty_entries e "
                        + "JOIN loyalty_balances b ON b.customer_id = e.customer_id "
                        + "WHERE b.balance > 0 AND " + after("e", after)
                        + "((e.points > 0 AND e.created_at >= :from AND e.created_at < :to) "
                        + "OR (e.type = 'MERGE' AND e.created_at >= :merged)) "
                        + "ORDER BY e.customer_id LIMIT :limit")
                .param("after", after == null ? new UUID(0, 0) : after)
                .param("from", from)
                .param("to", to)
                .param("merged", mergedSince)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Customers with a positive balance and any lot written before {@code to}: a first run, or after a long gap. */
    List<UUID> withLotsBefore(OffsetDateTime to, UUID after, int limit) {
        return jdbc.sql("SELECT b.customer_id FROM loyalty_balances b WHERE b.balance > 0 AND "
                        + after("b", after)
                        + "EXISTS (SELECT 1 FROM loyalty_entries e WHERE e.customer_id = b.customer_id "
                        + "AND e.points > 0 AND e.created_at < :to) "
                        + "ORDER BY b.customer_id LIMIT :limit")
                .param("after", after == null ? new UUID(0, 0) : after)
                .param("to", to)
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** The keyset condition; none on the first page (the databases order UUIDs differently from Java). */
    private static String after(String table, UUID after) {
        return after == null ? "" : table + ".customer_id > :after AND ";
    }

    Optional<Run> lastRun() {
        return jdbc.sql("SELECT started_at, lots_before FROM loyalty_expiry_runs ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new Run(
                        rs.getObject("started_at", OffsetDateTime.class),
                        rs.getObject("lots_before", OffsetDateTime.class)))
                .optional();
    }

    void recordRun(
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt,
            int months,
            OffsetDateTime lotsBefore,
            int examined,
            int customers,
            long points) {
        jdbc.sql("INSERT INTO loyalty_expiry_runs (started_at, finished_at, months, lots_before, examined, customers, "
                        + "points) VALUES (:started, :finished, :months, :before, :examined, :customers, :points)")
                .param("started", startedAt)
                .param("finished", finishedAt)
                .param("months", months)
                .param("before", lotsBefore)
                .param("examined", examined)
                .param("customers", customers)
                .param("points", points)
                .update();
    }
}
