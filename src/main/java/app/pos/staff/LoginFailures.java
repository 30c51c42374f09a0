package app.pos.staff;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code login_failures} table: one row per lower-cased username and one per client address, shared by every
 * instance. Each count changes in one atomic statement (no read-modify-write), outside any transaction.
 */
@Repository
class LoginFailures {

    enum Kind {
        USERNAME,
        ADDRESS
    }

    record Count(Kind kind, int failures, OffsetDateTime first, OffsetDateTime last) {}

    private final JdbcClient jdbc;

    LoginFailures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Count> find(String username, String address) {
        return jdbc.sql("""
                SELECT kind, failures, first_failure_at, last_failure_at FROM login_failures
                WHERE (kind = 'USERNAME' AND subject = :username) OR (kind = 'ADDRESS' AND subject = :address)
                """)
                .param("username", username)
                .param("address", address)
                .query((rs, n) -> new Count(
                        Kind.valueOf(rs.getString("kind")),
                        rs.getInt("failures"),
                        rs.getObject("first_failure_at", OffsetDateTime.class),
                        rs.getObject("last_failure_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * Counts one more failure, starting again from 1 when the row's previous failures are older than {@code
     * restartBefore} (for a username: its last failure; for an address: the start of its window).
     */
    void add(Kind kind, String subject, OffsetDateTime now, OffsetDateTime restartBefore) {
        if (increment(kind, subject, now, restartBefore) > 0) {
            return;
        }
        try {
            jdbc.sql("""
                    INSERT INTO login_failures (kind, subject, failures, first_failure_at, last_failure_at)
                    VALUES (:kind, :subject, 1, :now, :now)
                    """)
                    .param("kind", kind.name())
                    .param("subject", subject)
                    .param("now", now)
                    .update();
        } catch (DuplicateKeyException race) {
            increment(kind, subject, now, restartBefore); // another request inserted it first
        }
    }

    private int increment(Kind kind, String subject, OffsetDateTime now, OffsetDateTime restartBefore) {
        String since = kind == Kind.USERNAME ? "last_failure_at" : "first_failure_at";
        String restart = since + " < :restartBefore";
        return jdbc.sql("UPDATE login_failures SET failures = CASE WHEN " + restart + " THEN 1 ELSE failures + 1 END,"
                        + " first_failure_at = CASE WHEN " + restart + " THEN :now ELSE first_failure_at END,"
                        + " last_failure_at = :now WHERE kind = :kind AND subject = :subject")
                .param("kind", kind.name())
                .param("subject", subject)
                .param("now", now)
                .param("restartBefore", restartBefore)
                .update();
    }

    void forget(Kind kind, String subject) {
        jdbc.sql("DELETE FROM login_failures WHERE kind = :kind AND subject = :subject")
                .param("kind", kind.name())
                .param("subject", subject)
                .update();
    }

    /** Removes the rows whose last failure is before {@code before}: they no longer lock anything. */
    int forgetOlderThan(OffsetDateTime before) {
        return jdbc.sql("DELETE FROM login_failures WHERE last_failure_at < :before")
                .param("before", before)
                .update();
    }
}
