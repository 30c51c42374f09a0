package app.pos.customer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of an erasure, each statement for a whole batch of customers at once. */
@Repository
class ErasureRepository {

    static final String INACTIVE = "COALESCE(last_visit_at, created_at) < :cutoff AND updated_at < :cutoff";

    private final JdbcClient jdbc;

    ErasureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(UUID id, String name, String phone, String email) {}

    boolean isErased(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM erased_customers WHERE customer_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Locks the customer's row until the erasure commits; empty when there is none. */
    List<Row> lock(UUID id) {
        return jdbc.sql("SELECT id, name, phone, email FROM customers WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Row.class)
                .list();
    }

    /**
     * Locks up to {@code limit} inactive customers, skipping rows a sale holds right now (they are not inactive any
     * more, and a sale never waits for the retention job).
     */
    List<Row> lockInactive(OffsetDateTime cutoff, int limit) {
        return jdbc.sql("SELECT id, name, phone, email FROM customers WHERE " + INACTIVE
                        + " LIMIT :limit FOR UPDATE SKIP LOCKED")
                .param("cutoff", cutoff)
                .param("limit", limit)
                .query(Row.class)
                .list();
    }

    long countInactive(OffsetDateTime cutoff) {
        return jdbc.sql("SELECT COUNT(*) FROM customers WHERE " + INACTIVE)
                .param("cutoff", cutoff)
                .query(Long.class)
                .single();
    }

    List<Row> sampleInactive(OffsetDateTime cutoff, int limit) {
        return jdbc.sql("SELECT id, name, phone, email FROM customers WHERE " + INACTIVE
                        + " ORDER BY COALESCE(last_visit_at, created_at), id LIMIT :limit")
                .param("cutoff", cutoff)
                .param("limit", limit)
                .query(Row.class)
                .list();
    }

    /**
     * The customers and everyone merged into them, at any depth: a merged-away record's details live on in the
     * merge rows of the record that kept them.
     */
    Set<UUID> withMergedAway(Collection<UUID> ids) {
        Set<UUID> all = new LinkedHashSet<>(ids);
        List<UUID> frontier = List.copyOf(ids);
        while (!frontier.isEmpty()) {
            List<UUID> found = jdbc.sql("SELECT merged_id FROM customer_merges WHERE survivor_id IN (:ids)")
                    .param("ids", frontier)
                    .query(UUID.class)
                    .list();
            frontier = found.stream().filter(all::add).toList();
        }
        return all;
    }

    /** The contact values the merge rows of these records hold. */
    List<Row> mergedContacts(Collection<UUID> ids) {
        return jdbc.sql("SELECT merged_id AS id, merged_name AS name, merged_phone AS phone, merged_email AS email "
                        + "FROM customer_merges WHERE survivor_id IN (:ids) OR merged_id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .query(Row.class)
                .list();
    }

    /** Keeps the merge rows (ids, counts, who and when) without the merged record's contact values. */
    int scrubMerges(Collection<UUID> ids) {
        return jdbc.sql("UPDATE customer_merges SET merged_name = '', merged_phone = NULL, merged_email = NULL "
                        + "WHERE survivor_id IN (:ids) OR merged_id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .update();
    }

    /** Writes the tombstones and deletes the rows (consents and external ids go with them, ON DELETE CASCADE). */
    void delete(Collection<UUID> ids, OffsetDateTime at) {
        List<UUID> list = new ArrayList<>(ids);
        jdbc.sql("INSERT INTO erased_customers (customer_id, erased_at) "
                        + "SELECT id, :at FROM customers WHERE id IN (:ids)")
                .param("at", at)
                .param("ids", list)
                .update();
        jdbc.sql("DELETE FROM customers WHERE id IN (:ids)").param("ids", list).update();
    }
}
