package app.pos.staff;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffRepository {

    record StaffRow(
            UUID id, String username, String passwordHash, StaffRole role, boolean active, int credentialsVersion) {}

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_users").query(Long.class).single();
    }

    void insert(UUID id, String username, String passwordHash, StaffRole role, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO staff_users (id, username, password_hash, role, active, created_at)
                VALUES (:id, :username, :hash, :role, TRUE, :now)
                """)
                .param("id", id)
                .param("username", username)
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("now", now)
                .update();
    }

    private static final String VIEW = "SELECT id, username, role, active, created_at FROM staff_users";

    private static StaffView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StaffView(
                rs.getObject("id", UUID.class),
                rs.getString("username"),
                StaffRole.valueOf(rs.getString("role")),
                rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    java.util.List<StaffView> findAll() {
        return jdbc.sql(VIEW + " ORDER BY username")
                .query(StaffRepository::view)
                .list();
    }

    Optional<StaffView> findViewById(UUID id) {
        return jdbc.sql(VIEW + " WHERE id = :id")
                .param("id", id)
                .query(StaffRepository::view)
                .optional();
    }

    Optional<StaffView> lockById(UUID id) {
        return jdbc.sql(VIEW + " WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(StaffRepository::view)
                .optional();
    }

    /** Locks every active admin row, so two concurrent demotions cannot both see "another admin is left". */
    long lockActiveAdmins() {
        return jdbc.sql("SELECT id FROM staff_users WHERE role = 'ADMIN' AND active = TRUE FOR UPDATE")
                .query(UUID.class)
                .list()
                .size();
    }

    void update(UUID id, StaffRole role, boolean active) {
        jdbc.sql("UPDATE staff_users SET role = :role, active = :active WHERE id = :id")
                .param("id", id)
                .param("role", role.name())
                .param("active", active)
                .update();
    }

    void updatePassword(UUID id, String hash) {
        jdbc.sql("UPDATE staff_users SET password_hash = :hash, credentials_version = credentials_version + 1 "
                        + "WHERE id = :id")
                .param("id", id)
                .param("hash", hash)
                .update();
    }

    /** The user whose name is {@code username} in any letter case (names are unique ignoring case). */
    Optional<StaffRow> findByUsername(String username) {
        return jdbc.sql("SELECT id, username, password_hash, role, active, credentials_version FROM staff_users "
                        + "WHERE username_key = :key")
                .param("key", username == null ? "" : username.toLowerCase(java.util.Locale.ROOT))
                .query((rs, n) -> new StaffRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("username"),
                        rs.getString("password_hash"),
                        StaffRole.valueOf(rs.getString("role")),
                        rs.getBoolean("active"),
                        rs.getInt("credentials_version")))
                .optional();
    }
}
