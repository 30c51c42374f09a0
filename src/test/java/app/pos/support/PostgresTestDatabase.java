package app.pos.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * One throw-away PostgreSQL database per test JVM, so runs never see each other's data. Server and credentials
 * come from POS_TEST_PG_URL (a JDBC URL of the server's maintenance database, default
 * jdbc:postgresql://127.0.0.1:5432/postgres), POS_TEST_PG_USER (postgres) and POS_TEST_PG_PASSWORD.
 * The database is dropped when the JVM exits.
 */
public final class PostgresTestDatabase {

    private static final String ADMIN_URL = env("POS_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("POS_TEST_PG_USER", "postgres");
    private static final String PASSWORD = env("POS_TEST_PG_PASSWORD", "");

    private static String url;
    private static String unavailableReason;
    private static boolean probed;

    private PostgresTestDatabase() {}

    /** Whether the test PostgreSQL server answers; when not, {@link #unavailableReason()} says why. */
    public static synchronized boolean isAvailable() {
        if (!probed) {
            probed = true;
            try (Connection ignored = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD)) {
                unavailableReason = null;
            } catch (SQLException e) {
                unavailableReason =
                        "PostgreSQL is not reachable at " + ADMIN_URL + " as " + USER + ": " + e.getMessage();
            }
        }
        return unavailableReason == null;
    }

    public static synchronized String unavailableReason() {
        isAvailable();
        return unavailableReason;
    }

    /** The JDBC URL of this JVM's test database, created on first use. */
    public static synchronized String url() {
        if (url == null) {
            String name = "pos_test_"
                    + UUID.randomUUID()
                            .toString()
                            .replace("-", "")
                            .substring(0, 12)
                            .toLowerCase(Locale.ROOT);
            execute("CREATE DATABASE " + name);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
            url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
        }
        return url;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on the test PostgreSQL server", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
