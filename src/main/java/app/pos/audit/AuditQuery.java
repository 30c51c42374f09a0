package app.pos.audit;

import app.pos.shared.PageResult;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit log, newest first, filtered by customer, action and time (the ADMIN's audit API). */
@Service
public class AuditQuery {

    public static final int MAX_PAGE_SIZE = 200;

    private final JdbcClient jdbc;

    AuditQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What to look for; a null member does not filter. {@code from} is inclusive, {@code to} exclusive. */
    public record Filter(UUID customerId, AuditAction action, OffsetDateTime from, OffsetDateTime to) {}

    @Transactional(readOnly = true)
    public PageResult<AuditEntry> search(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        if (filter.customerId() != null) {
            where.add("customer_id = :customer");
        }
        if (filter.action() != null) {
            where.add("action = :action");
        }
        if (filter.from() != null) {
            where.add("at >= :from");
        }
        if (filter.to() != null) {
            where.add("at < :to");
        }
        String sql = "SELECT at, staff, action, customer_id, detail FROM audit_log"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset";
        var statement = jdbc.sql(sql).param("limit", size + 1).param("offset", (long) page * size);
        if (filter.customerId() != null) {
            statement = statement.param("customer", filter.customerId());
        }
        if (filter.action() != null) {
            statement = statement.param("action", filter.action().name());
        }
        if (filter.from() != null) {
            statement = statement.param("from", filter.from());
        }
        if (filter.to() != null) {
            statement = statement.param("to", filter.to());
        }
        List<AuditEntry> rows = statement
                .query((rs, n) -> new AuditEntry(
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("staff"),
                        AuditAction.valueOf(rs.getString("action")),
                        rs.getObject("customer_id", UUID.class),
                        rs.getString("detail")))
                .list();
        return PageResult.fromProbe(rows, page, size);
    }
}
