package app.pos.customer;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MergeRecords {

    private final JdbcClient jdbc;

    MergeRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID survivorId, CustomerView merged, int ordersMoved, String by, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO customer_merges (id, survivor_id, merged_id, merged_name, merged_phone, merged_email,
                                             orders_moved, merged_by, merged_at)
                VALUES (:id, :survivor, :merged, :name, :phone, :email, :moved, :by, :at)
                """)
                .param("id", UUID.randomUUID())
                .param("survivor", survivorId)
                .param("merged", merged.id())
                .param("name", merged.name())
                .param("phone", merged.phone())
                .param("email", merged.email())
                .param("moved", ordersMoved)
                .param("by", by)
                .param("at", at)
                .update();
    }
}
