package app.pos.customer;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the customer feature's own tables hold about one customer, for their data export. */
@Repository
class DataExportRecords {

    private final JdbcClient jdbc;

    DataExportRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CustomerData.ExternalId> externalIds(UUID customerId) {
        return jdbc.sql("SELECT source, external_id, created_at FROM customer_external_ids "
                        + "WHERE customer_id = :customer ORDER BY created_at, source, external_id")
                .param("customer", customerId)
                .query((rs, n) -> new CustomerData.ExternalId(
                        rs.getString("source"),
                        rs.getString("external_id"),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    List<CustomerData.ImportedConsent> importedConsents(UUID customerId) {
        return jdbc.sql("SELECT source, channel, status, recorded_at FROM customer_marketing_consents "
                        + "WHERE customer_id = :customer ORDER BY recorded_at, source, channel")
                .param("customer", customerId)
                .query((rs, n) -> new CustomerData.ImportedConsent(
                        rs.getString("source"),
                        rs.getString("channel"),
                        rs.getString("status"),
                        rs.getObject("recorded_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * The merges the customer took part in on either side, and those of the records merged into them before
     * (a record merged into one that was later merged into this customer): each removed record was this person.
     */
    List<CustomerData.Merge> merges(UUID customerId) {
        List<CustomerData.Merge> found = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        List<UUID> frontier = List.of(customerId);
        while (!frontier.isEmpty()) {
            List<CustomerData.Merge> step = jdbc.sql("""
                            SELECT survivor_id, merged_id, merged_name, merged_phone, merged_email, orders_moved,
                                   merged_by, merged_at
                            FROM customer_merges WHERE survivor_id IN (:ids) OR merged_id IN (:ids)
                            """)
                    .param("ids", frontier)
                    .query((rs, n) -> new CustomerData.Merge(
                            rs.getObject("survivor_id", UUID.class),
                            rs.getObject("merged_id", UUID.class),
                            rs.getString("merged_name"),
                            rs.getString("merged_phone"),
                            rs.getString("merged_email"),
                            rs.getInt("orders_moved"),
                            rs.getString("merged_by"),
                            rs.getObject("merged_at", OffsetDateTime.class)))
                    .list();
            seen.addAll(frontier);
            List<UUID> next = new ArrayList<>();
            for (CustomerData.Merge merge : step) {
                if (found.stream().noneMatch(m -> m.mergedId().equals(merge.mergedId()))) {
                    found.add(merge);
                }
                boolean intoThisPerson = seen.contains(merge.survivorId());
                if (intoThisPerson && !seen.contains(merge.mergedId()) && !next.contains(merge.mergedId())) {
                    next.add(merge.mergedId());
                }
            }
            frontier = next;
        }
        found.sort(Comparator.comparing(CustomerData.Merge::mergedAt)
                .thenComparing(m -> m.mergedId().toString()));
        return found;
    }
}
