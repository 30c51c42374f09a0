package app.pos.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current consent per customer and channel ({@code customer_consents}) and its history. */
@Repository
class ConsentRepository {

    private static final String COLUMNS = "channel, state, source, wording_version, recorded_at, recorded_by";

    private final JdbcClient jdbc;

    ConsentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the customer's row, so that decisions about one customer are recorded one after the other. */
    boolean lockCustomer(UUID customer) {
        return jdbc.sql("SELECT id FROM customers WHERE id = :id FOR UPDATE")
                .param("id", customer)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    boolean customerExists(UUID customer) {
        return jdbc.sql("SELECT COUNT(*) FROM customers WHERE id = :id")
                        .param("id", customer)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<ConsentItem> current(UUID customer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer_consents WHERE customer_id = :customer")
                .param("customer", customer)
                .query(ConsentRepository::map)
                .list();
    }

    Optional<ConsentItem> current(UUID customer, ConsentChannel channel) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer_consents "
                        + "WHERE customer_id = :customer AND channel = :channel")
                .param("customer", customer)
                .param("channel", channel.name())
                .query(ConsentRepository::map)
                .optional();
    }

    long countGranted(ConsentChannel channel) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_consents WHERE channel = :channel AND state = 'GRANTED'")
                .param("channel", channel.name())
                .query(Long.class)
                .single();
    }

    /** Among at most a thousand ids ({@link InChunks}). */
    long countGranted(ConsentChannel channel, List<UUID> among) {
        if (among.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM customer_consents WHERE channel = :channel AND state = 'GRANTED' "
                        + "AND customer_id IN (:ids)")
                .param("channel", channel.name())
                .param("ids", among)
                .query(Long.class)
                .single();
    }

    /** Newest first. */
    List<ConsentItem> history(UUID customer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customer_consent_history "
                        + "WHERE customer_id = :customer ORDER BY id DESC")
                .param("customer", customer)
                .query(ConsentRepository::map)
                .list();
    }

    /** Makes {@code item} the channel's current state and appends it to the history; the caller holds the lock. */
    void save(UUID customer, ConsentItem item) {
        int updated = params(
                        jdbc.sql("UPDATE customer_consents SET state = :state, source = :source, "
                                + "wording_version = :version, recorded_at = :at, recorded_by = :by "
                                + "WHERE customer_id = :customer AND channel = :channel"),
                        customer,
                        item)
                .update();
        if (updated == 0) {
            params(
                            jdbc.sql("INSERT INTO customer_consents (customer_id, " + COLUMNS + ") "
                                    + "VALUES (:customer, :channel, :state, :source, :version, :at, :by)"),
                            customer,
                            item)
                    .update();
        }
        params(
                        jdbc.sql("INSERT INTO customer_consent_history (customer_id, " + COLUMNS + ") "
                                + "VALUES (:customer, :channel, :state, :source, :version, :at, :by)"),
                        customer,
                        item)
                .update();
    }

    /**
     * A merge: the removed record's history goes to the kept one, and per channel the kept record takes the newer
     * of the two decisions (its own when they are as old). The removed record's other rows go with it.
     */
    void move(UUID from, UUID to) {
        jdbc.sql("UPDATE customer_consent_history SET customer_id = :to WHERE customer_id = :from")
                .param("from", from)
                .param("to", to)
                .update();
        jdbc.sql("DELETE FROM customer_consents WHERE customer_id = :to AND EXISTS (SELECT 1 FROM customer_consents r "
                        + "WHERE r.customer_id = :from AND r.channel = customer_consents.channel "
                        + "AND r.recorded_at > customer_consents.recorded_at)")
                .param("from", from)
                .param("to", to)
                .update();
        jdbc.sql("UPDATE customer_consents SET customer_id = :to WHERE customer_id = :from AND NOT EXISTS ("
                        + "SELECT 1 FROM customer_consents k WHERE k.customer_id = :to "
                        + "AND k.channel = customer_consents.channel)")
                .param("from", from)
                .param("to", to)
                .update();
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec sql, UUID customer, ConsentItem item) {
        return sql.param("customer", customer)
                .param("channel", item.channel().name())
                .param("state", item.state().name())
                .param("source", item.source().name())
                .param("version", item.wordingVersion())
                .param("at", item.recordedAt())
                .param("by", item.recordedBy());
    }

    private static ConsentItem map(ResultSet rs, int row) throws SQLException {
        return new ConsentItem(
                ConsentChannel.valueOf(rs.getString("channel")),
                ConsentState.valueOf(rs.getString("state")),
                ConsentSource.valueOf(rs.getString("source")),
                rs.getObject("wording_version", Integer.class),
                rs.getObject("recorded_at", OffsetDateTime.class),
                rs.getString("recorded_by"));
    }
}
