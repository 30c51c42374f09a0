package app.pos.customer;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ids other systems gave our customers ({@code customer_external_ids}), unique per source. */
@Repository
class ExternalIds {

    private final JdbcClient jdbc;

    ExternalIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customers known under these ids of {@code source}, by external id. */
    Map<String, UUID> find(String source, Collection<String> externalIds) {
        Map<String, UUID> found = new HashMap<>();
        for (List<String> chunk : InChunks.of(externalIds)) {
            jdbc.sql("SELECT external_id, customer_id FROM customer_external_ids "
                            + "WHERE source = :source AND external_id IN (:ids)")
                    .param("source", source)
                    .param("ids", chunk)
                    .query((rs, n) -> found.put(rs.getString("external_id"), rs.getObject("customer_id", UUID.class)))
                    .list();
        }
        return found;
    }

    void insert(String source, String externalId, UUID customerId, OffsetDateTime now) {
        jdbc.sql("INSERT INTO customer_external_ids (source, external_id, customer_id, created_at) "
                        + "VALUES (:source, :id, :customer, :now)")
                .param("source", source)
                .param("id", externalId)
                .param("customer", customerId)
                .param("now", now)
                .update();
    }

    /** Gives the ids of a record that a merge removes to the record it keeps. */
    int move(UUID from, UUID to) {
        return jdbc.sql("UPDATE customer_external_ids SET customer_id = :to WHERE customer_id = :from")
                .param("from", from)
                .param("to", to)
                .update();
    }
}
