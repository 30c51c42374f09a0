package app.pos.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pos.support.PostgresTestDatabase;
import app.pos.support.RequiresPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V18 makes usernames unique whatever their letter case. On a database that already holds two names differing
 * only in case, the upgrade stops with a message saying so and which instead of merging or
 * renaming anyone; on a clean one, a second name in another case is refused by the database itself.
 */
class StaffUsernameCaseMigrationIntegrationTests {

    @Test
    void onH2() throws Exception {
        String url = "jdbc:h2:mem:v18_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        stopsOnNamesDifferingInCaseThenEnforcesThem(url, "", "h2", "differ only in letter case: Cashier1, cashier1");
    }

    @Test
    @ExtendWith(RequiresPostgres.class)
    void onPostgres() throws Exception {
        String admin = PostgresTestDatabase.url();
        String server = admin.substring(0, admin.lastIndexOf('/') + 1);
        String database = "pos_v18_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        try (Connection c = DriverManager.getConnection(
                        server + "postgres", PostgresTestDatabase.user(), PostgresTestDatabase.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        try {
            stopsOnNamesDifferingInCaseThenEnforcesThem(
                    server + database,
                    PostgresTestDatabase.password(),
                    "postgresql",
                    "differ only in letter case: Cashier1, cashier1");
        } finally {
            try (Connection c = DriverManager.getConnection(
                            server + "postgres", PostgresTestDatabase.user(), PostgresTestDatabase.password());
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    private void stopsOnNamesDifferingInCaseThenEnforcesThem(
            String url, String password, String vendor, String expectedMessage) throws Exception {
        String user = vendor.equals("h2") ? "sa" : PostgresTestDatabase.user();
        SingleConnectionDataSource data = new SingleConnectionDataSource(url, user, password, true);
        try {
            flyway(data, vendor, "17").migrate();
            JdbcClient jdbc = JdbcClient.create(data);
            insert(jdbc, "Cashier1");
            insert(jdbc, "cashier1");

            assertThatThrownBy(() -> flyway(data, vendor, "18").migrate()).hasStackTraceContaining(expectedMessage);

            jdbc.sql("DELETE FROM staff_users WHERE username = 'cashier1'").update();
            flyway(data, vendor, "18").repair();
            flyway(data, vendor, "18").migrate();
            assertThatThrownBy(() -> insert(jdbc, "CASHIER1")).isInstanceOf(DuplicateKeyException.class);
            assertThat(jdbc.sql("SELECT username FROM staff_users WHERE username_key = 'cashier1'")
                            .query(String.class)
                            .single())
                    .isEqualTo("Cashier1");
        } finally {
            data.destroy();
        }
    }

    private static Flyway flyway(DataSource data, String vendor, String target) {
        return Flyway.configure()
                .dataSource(data)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .target(target)
                .load();
    }

    private static void insert(JdbcClient jdbc, String username) {
        jdbc.sql("INSERT INTO staff_users (id, username, password_hash, role, active, created_at) "
                        + "VALUES (:id, :username, 'x', 'CASHIER', TRUE, CURRENT_TIMESTAMP)")
                .param("id", UUID.randomUUID())
                .param("username", username)
                .update();
    }
}
