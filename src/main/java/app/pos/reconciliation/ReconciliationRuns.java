package app.pos.reconciliation;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code reconciliation_runs} table: one row per run, the newest read by the dashboard. */
@Repository
class ReconciliationRuns {

    private final JdbcClient jdbc;

    ReconciliationRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(ReconciliationRun run) {
        jdbc.sql("""
                INSERT INTO reconciliation_runs (checked_at, duration_ms, customers_checked, loyalty_accounts_checked,
                                                 stats_mismatches, points_mismatches, started_by)
                VALUES (:at, :duration, :customers, :accounts, :stats, :points, :by)
                """)
                .param("at", run.checkedAt())
                .param("duration", run.durationMillis())
                .param("customers", run.customersChecked())
                .param("accounts", run.loyaltyAccountsChecked())
                .param("stats", run.statsMismatches())
                .param("points", run.pointsMismatches())
                .param("by", run.startedBy())
                .update();
    }

    Optional<ReconciliationRun> last() {
        return jdbc.sql("""
                SELECT checked_at, duration_ms, customers_checked, loyalty_accounts_checked, stats_mismatches,
                       points_mismatches, started_by
                FROM reconciliation_runs ORDER BY id DESC LIMIT 1
                """)
                .query((rs, n) -> new ReconciliationRun(
                        rs.getObject("checked_at", OffsetDateTime.class),
                        rs.getLong("duration_ms"),
                        rs.getInt("customers_checked"),
                        rs.getInt("loyalty_accounts_checked"),
                        rs.getInt("stats_mismatches"),
                        rs.getInt("points_mismatches"),
                        rs.getString("started_by")))
                .optional();
    }
}
