package app.pos.backoffice;

import app.pos.customer.CustomerImport;
import app.pos.customer.ImportMapping;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Files uploaded on the import page ({@code import_uploads}), kept in the database between preview, check and
 * import so that the HTTP session holds only their id, and any instance can serve the next step. The file is
 * dropped once imported; the row, with the counts and the report of rejected rows, expires after
 * {@code pos.import.upload-ttl} (12 hours by default), removed on the next upload by anyone.
 */
@Repository
class ImportUploads {

    /** An upload, owned by one staff user; {@code content} is null once imported. */
    record Upload(
            UUID id,
            String content,
            ImportMapping mapping,
            boolean checked,
            boolean imported,
            int toCreate,
            int toUpdate,
            int unchanged,
            int rejected,
            String report) {

        int valid() {
            return toCreate + toUpdate;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration ttl;

    ImportUploads(JdbcClient jdbc, Clock clock, @Value("${pos.import.upload-ttl:PT12H}") Duration ttl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
    }

    UUID save(String staff, String content, ImportMapping mapping) {
        removeExpired();
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO import_uploads (id, staff_username, created_at, content, mapping) "
                        + "VALUES (:id, :staff, :now, :content, :mapping)")
                .param("id", id)
                .param("staff", staff)
                .param("now", OffsetDateTime.now(clock))
                .param("content", content)
                .param("mapping", mapping.encode())
                .update();
        return id;
    }

    /** The staff user's upload with that id, unless it expired. */
    Optional<Upload> find(UUID id, String staff) {
        return jdbc.sql("SELECT id, content, mapping, checked, imported, to_create, to_update, unchanged_rows, "
                        + "rejected_rows, report FROM import_uploads "
                        + "WHERE id = :id AND staff_username = :staff AND created_at > :since")
                .param("id", id)
                .param("staff", staff)
                .param("since", OffsetDateTime.now(clock).minus(ttl))
                .query((rs, n) -> new Upload(
                        rs.getObject("id", UUID.class),
                        rs.getString("content"),
                        ImportMapping.decode(rs.getString("mapping")),
                        rs.getBoolean("checked"),
                        rs.getBoolean("imported"),
                        rs.getInt("to_create"),
                        rs.getInt("to_update"),
                        rs.getInt("unchanged_rows"),
                        rs.getInt("rejected_rows"),
                        rs.getString("report")))
                .optional();
    }

    /** Records a check: the mapping it ran under, its counts and rejected rows. */
    void checked(UUID id, ImportMapping mapping, CustomerImport.Checked checked) {
        jdbc.sql("UPDATE import_uploads SET mapping = :mapping, checked = TRUE, imported = FALSE, "
                        + "to_create = :create, to_update = :update, unchanged_rows = :unchanged, "
                        + "rejected_rows = :rejected, report = :report WHERE id = :id")
                .param("mapping", mapping.encode())
                .param("create", (int) checked.toCreate())
                .param("update", (int) checked.toUpdate())
                .param("unchanged", (int) checked.unchanged())
                .param("rejected", checked.rejected().size())
                .param("report", report(checked))
                .param("id", id)
                .update();
    }

    /** Records an import: what it did and rejected, and drops the file. */
    void imported(UUID id, CustomerImport.Result result) {
        CustomerImport.Report report = result.report();
        jdbc.sql("UPDATE import_uploads SET content = NULL, checked = TRUE, imported = TRUE, "
                        + "to_create = :create, to_update = :update, unchanged_rows = :unchanged, "
                        + "rejected_rows = :rejected, report = :report WHERE id = :id")
                .param("create", report.created())
                .param("update", report.updated())
                .param("unchanged", report.unchanged())
                .param("rejected", report.rejected())
                .param("report", report(result.checked()))
                .param("id", id)
                .update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM import_uploads WHERE id = :id").param("id", id).update();
    }

    /** Removes the uploads older than the time to live; how many. */
    int removeExpired() {
        return jdbc.sql("DELETE FROM import_uploads WHERE created_at <= :since")
                .param("since", OffsetDateTime.now(clock).minus(ttl))
                .update();
    }

    /** The rejected rows as the downloadable report (without its byte order mark). */
    private static String report(CustomerImport.Checked checked) {
        StringBuilder out = new StringBuilder(Csv.row(List.of("line", "name", "phone", "email", "address", "reason")));
        for (CustomerImport.Row row : checked.rejected()) {
            out.append(Csv.row(Arrays.asList(
                    row.line(),
                    row.details().name(),
                    row.details().phone(),
                    row.details().email(),
                    row.details().address(),
                    row.rejection())));
        }
        return out.toString();
    }
}
