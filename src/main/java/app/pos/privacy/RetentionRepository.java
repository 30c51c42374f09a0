package app.pos.privacy;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RetentionRepository {

    private final JdbcClient jdbc;

    RetentionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Retention.Policy policy() {
        return jdbc.sql("SELECT enabled, inactive_months, last_run_at, last_run_erased FROM retention_policy "
                        + "WHERE id = 1")
                .query((rs, n) -> new Retention.Policy(
                        rs.getBoolean("enabled"),
                        rs.getInt("inactive_months"),
                        rs.getObject("last_run_at", OffsetDateTime.class),
                        (Integer) rs.getObject("last_run_erased")))
                .single();
    }

    void update(boolean enabled, int months, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE retention_policy SET enabled = :enabled, inactive_months = :months, updated_at = :at, "
                        + "updated_by = :by WHERE id = 1")
                .param("enabled", enabled)
                .param("months", months)
                .param("at", at)
                .param("by", by)
                .update();
    }

    void recordRun(OffsetDateTime started, OffsetDateTime finished, String by, int months, int erased) {
        jdbc.sql("INSERT INTO retention_runs (started_at, finished_at, started_by, inactive_months, erased) "
                        + "VALUES (:started, :finished, :by, :months, :erased)")
                .param("started", started)
                .param("finished", finished)
                .param("by", by)
                .param("months", months)
                .param("erased", erased)
                .update();
        jdbc.sql("UPDATE retention_policy SET last_run_at = :started, last_run_erased = :erased WHERE id = 1")
                .param("started", started)
                .param("erased", erased)
                .update();
    }

    List<Retention.Run> lastRuns(int limit) {
        return jdbc.sql("SELECT started_at, finished_at, started_by, inactive_months, erased FROM retention_runs "
                        + "ORDER BY started_at DESC, id DESC LIMIT :limit")
                .param("limit", limit)
                .query((rs, n) -> new Retention.Run(
                        rs.getObject("started_at", OffsetDateTime.class),
                        rs.getObject("finished_at", OffsetDateTime.class),
                        rs.getString("started_by"),
                        rs.getInt("inactive_months"),
                        rs.getInt("erased")))
                .list();
    }
}
