package app.pos.staff;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class StaffRepository {

    record StaffRow(UUID id, String username, String passwordHash, StaffRole role, boolean active) {
    }

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
                .param("id", id).param("username", username).param("hash", passwordHash).param("role", role.name())
                .param("now", now).update();
    }

    Optional<StaffRow> findByUsername(String username) {
        return jdbc.sql("SELECT id, username, password_hash, role, active FROM staff_users WHERE username = :username")
                .param("username", username)
                .query((rs, n) -> new StaffRow(rs.getObject("id", UUID.class), rs.getString("username"),
                        rs.getString("password_hash"), StaffRole.valueOf(rs.getString("role")), rs.getBoolean("active")))
                .optional();
    }
}
