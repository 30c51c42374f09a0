package app.pos.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Writes and reads the append-only {@code audit_log}. An entry is written in the caller's transaction when there
 * is one, so an action that rolls back leaves no entry, and one that commits always has its entry. The staff user
 * is the authenticated one; work without a user (a scheduled job) is recorded as {@value #SYSTEM}.
 */
@Service
public class AuditLog {

    /** The staff name recorded for work no user started. */
    public static final String SYSTEM = "system";

    static final int MAX_DETAIL = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.clock = clock;
    }

    /** Records an action by the current staff user; {@code detail} must hold no personal data. */
    public void record(AuditAction action, UUID customerId, String detail) {
        jdbc.sql("INSERT INTO audit_log (at, staff, action, customer_id, detail) "
                        + "VALUES (:at, :staff, :action, :customer, :detail)")
                .param("at", OffsetDateTime.now(clock))
                .param("staff", currentStaff())
                .param("action", action.name())
                .param("customer", customerId)
                .param("detail", detail == null ? null : truncate(detail))
                .update();
    }

    /** Records the same action about each of these customers, in one batch (the retention job erases thousands). */
    public void recordEach(AuditAction action, java.util.Collection<UUID> customerIds, String detail) {
        if (customerIds.isEmpty()) {
            return;
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        String staff = currentStaff();
        String text = detail == null ? null : truncate(detail);
        jdbcTemplate.batchUpdate(
                "INSERT INTO audit_log (at, staff, action, customer_id, detail) VALUES (?, ?, ?, ?, ?)",
                customerIds,
                500,
                (statement, id) -> {
                    statement.setObject(1, at);
                    statement.setString(2, staff);
                    statement.setString(3, action.name());
                    statement.setObject(4, id);
                    statement.setString(5, text);
                });
    }

    /** Every entry about one customer, oldest first. */
    public List<AuditEntry> about(UUID customerId) {
        return jdbc.sql("SELECT at, staff, action, customer_id, detail FROM audit_log "
                        + "WHERE customer_id = :customer ORDER BY at, id")
                .param("customer", customerId)
                .query((rs, n) -> new AuditEntry(
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("staff"),
                        AuditAction.valueOf(rs.getString("action")),
                        rs.getObject("customer_id", UUID.class),
                        rs.getString("detail")))
                .list();
    }

    static String currentStaff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? SYSTEM : authentication.getName();
    }

    static String truncate(String detail) {
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }
}
