package app.pos.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Cuts the running app off this run's PostgreSQL database, from an admin connection to the server's maintenance
 * database: no new connections ({@code ALLOW_CONNECTIONS false}) and every existing one terminated, for a while,
 * then connections allowed again. Tests that cut should also call {@link #allowConnections} in an
 * {@code @AfterEach}: the other test classes share the database.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {}

    /**
     * An outage that happened: the backends it terminated and when (System.nanoTime()) it began and ended.
     */
    public record Cut(String database, int terminated, long cutAt, long restoredAt) {}

    /** Closes the database for {@code length}, then opens it again (also when interrupted or failing). */
    public static Cut cutFor(Duration length) throws SQLException, InterruptedException {
        String database = databaseName();
        long cutAt;
        int terminated;
        try (Connection admin = adminConnection()) {
            try {
                cutAt = System.nanoTime();
                execute(admin, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
                terminated = terminateBackends(admin, database);
                Thread.sleep(length.toMillis());
            } finally {
                allowConnections(true);
            }
        }
        return new Cut(database, terminated, cutAt, System.nanoTime());
    }

    public static void allowConnections(boolean allow) throws SQLException {
        try (Connection admin = adminConnection()) {
            execute(admin, "ALTER DATABASE " + databaseName() + " ALLOW_CONNECTIONS " + allow);
        }
    }

    public static String databaseName() {
        String url = PostgresTestDatabase.url();
        String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String name = path.substring(path.lastIndexOf('/') + 1);
        assertThat(name).as("test database name").matches("[a-z0-9_]+");
        return name;
    }

    private static Connection adminConnection() throws SQLException {
        String configured = System.getenv("POS_TEST_PG_URL");
        String url;
        if (configured != null && !configured.isBlank()) {
            url = configured;
        } else {
            String test = PostgresTestDatabase.url();
            String query = test.contains("?") ? test.substring(test.indexOf('?')) : "";
            String path = test.contains("?") ? test.substring(0, test.indexOf('?')) : test;
            url = path.substring(0, path.lastIndexOf('/') + 1) + "postgres" + query;
        }
        return DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int terminateBackends(Connection admin, String database) throws SQLException {
        int terminated = 0;
        try (Statement statement = admin.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE datname = '" + database + "' AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                if (rs.getBoolean(1)) {
                    terminated++;
                }
            }
        }
        return terminated;
    }
}
