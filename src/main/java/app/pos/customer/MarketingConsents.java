package app.pos.customer;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What an imported file said of a customer's marketing consent ({@code customer_marketing_consents}), per source
 * and channel, as the file wrote it, for the privacy work to read.
 */
@Repository
class MarketingConsents {

    static final int MAX_STATUS = 100;

    private final JdbcClient jdbc;

    MarketingConsents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores each channel's status unless it is already stored as it is; returns the channels it changed. */
    Set<String> record(UUID customer, String source, Map<String, String> statuses, OffsetDateTime now) {
        Set<String> changed = new TreeSet<>();
        for (Map.Entry<String, String> consent : statuses.entrySet()) {
            int updated = jdbc.sql("UPDATE customer_marketing_consents SET status = :status, recorded_at = :now "
                            + "WHERE customer_id = :customer AND source = :source AND channel = :channel "
                            + "AND status <> :status")
                    .param("status", consent.getValue())
                    .param("now", now)
                    .param("customer", customer)
                    .param("source", source)
                    .param("channel", consent.getKey())
                    .update();
            if (updated == 0) {
                updated = jdbc.sql("INSERT INTO customer_marketing_consents "
                                + "(customer_id, source, channel, status, recorded_at) "
                                + "SELECT :customer, :source, :channel, :status, :now WHERE NOT EXISTS ("
                                + "SELECT 1 FROM customer_marketing_consents WHERE customer_id = :customer "
                                + "AND source = :source AND channel = :channel)")
                        .param("status", consent.getValue())
                        .param("now", now)
                        .param("customer", customer)
                        .param("source", source)
                        .param("channel", consent.getKey())
                        .update();
            }
            if (updated > 0) {
                changed.add(consent.getKey());
            }
        }
        return changed;
    }

    /**
     * Gives the statuses of a record that a merge removes to the record it keeps, for each source and channel the
     * kept record has none of; the rest go with the removed record.
     */
    int move(UUID from, UUID to) {
        return jdbc.sql("UPDATE customer_marketing_consents SET customer_id = :to WHERE customer_id = :from "
                        + "AND NOT EXISTS (SELECT 1 FROM customer_marketing_consents k WHERE k.customer_id = :to "
                        + "AND k.source = customer_marketing_consents.source "
                        + "AND k.channel = customer_marketing_consents.channel)")
                .param("from", from)
                .param("to", to)
                .update();
    }
}
