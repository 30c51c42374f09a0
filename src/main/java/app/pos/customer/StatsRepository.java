package app.pos.customer;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The statistics columns of {@code customers}: each change one UPDATE relative to the stored value. */
@Repository
class StatsRepository {

    private final JdbcClient jdbc;

    StatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean addVisit(UUID id, BigDecimal amount, OffsetDateTime at) {
        return jdbc.sql("""
                UPDATE customers SET total_spent = total_spent + :amount, visit_count = visit_count + 1,
                       last_visit_at = CASE WHEN last_visit_at IS NULL OR last_visit_at < :at THEN :at
                                            ELSE last_visit_at END
                WHERE id = :id
                """)
                        .param("id", id)
                        .param("amount", amount)
                        .param("at", at)
                        .update()
                == 1;
    }

    boolean removeVisit(UUID id, BigDecimal amount) {
        return jdbc.sql("""
                UPDATE customers SET total_spent = total_spent - :amount, visit_count = visit_count - 1
                WHERE id = :id
                """).param("id", id).param("amount", amount).update() == 1;
    }

    /** A refund: the spend goes down, the visit stays. */
    boolean subtractSpent(UUID id, BigDecimal amount) {
        return jdbc.sql("UPDATE customers SET total_spent = total_spent - :amount WHERE id = :id")
                        .param("id", id)
                        .param("amount", amount)
                        .update()
                == 1;
    }

    void setLastVisit(UUID id, OffsetDateTime at) {
        jdbc.sql("UPDATE customers SET last_visit_at = :at WHERE id = :id")
                .param("id", id)
                .param("at", at)
                .update();
    }

    void replaceStats(UUID id, BigDecimal total, int visits, OffsetDateTime lastVisit) {
        jdbc.sql(
                        "UPDATE customers SET total_spent = :total, visit_count = :visits, last_visit_at = :last WHERE id = :id")
                .param("id", id)
                .param("total", total)
                .param("visits", visits)
                .param("last", lastVisit)
                .update();
    }

    /** The stored stats of up to {@code limit} customers after {@code after} (from the first when null), by id. */
    List<StoredStats.Row> page(UUID after, int limit) {
        String sql = "SELECT id, total_spent, visit_count, last_visit_at FROM customers"
                + (after == null ? "" : " WHERE id > :after") + " ORDER BY id LIMIT :limit";
        var statement = jdbc.sql(sql).param("limit", limit);
        if (after != null) {
            statement = statement.param("after", after);
        }
        return statement.query(StatsRepository::row).list();
    }

    Optional<StoredStats.Row> stored(UUID id) {
        return jdbc.sql("SELECT id, total_spent, visit_count, last_visit_at FROM customers WHERE id = :id")
                .param("id", id)
                .query(StatsRepository::row)
                .optional();
    }

    private static StoredStats.Row row(ResultSet rs, int n) throws SQLException {
        return new StoredStats.Row(
                rs.getObject("id", UUID.class),
                rs.getBigDecimal("total_spent"),
                rs.getInt("visit_count"),
                rs.getObject("last_visit_at", OffsetDateTime.class));
    }
}
