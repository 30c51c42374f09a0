package app.pos.customer;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lookups of many customers at once, in chunks of 1,000 values, for checking a whole import file. */
@Repository
class BulkLookups {

    private final JdbcClient jdbc;

    BulkLookups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The values of {@code column} ("phone" or "email") among {@code values} that some customer has. */
    java.util.Set<String> existingValues(String column, java.util.Collection<String> values) {
        if (!column.equals("phone") && !column.equals("email")) {
            throw new IllegalArgumentException(column);
        }
        java.util.Set<String> found = new java.util.HashSet<>();
        List<String> all = List.copyOf(values);
        for (int from = 0; from < all.size(); from += 1000) {
            found.addAll(jdbc.sql("SELECT " + column + " FROM customers WHERE " + column + " IN (:values)")
                    .param("values", all.subList(from, Math.min(all.size(), from + 1000)))
                    .query(String.class)
                    .list());
        }
        return found;
    }

    /** The customers with these ids, by id; absent ones are left out. */
    java.util.Map<UUID, CustomerView> findByIds(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, CustomerView> found = new java.util.HashMap<>();
        List<UUID> all = List.copyOf(new java.util.HashSet<>(ids));
        for (int from = 0; from < all.size(); from += 1000) {
            jdbc.sql("SELECT " + CustomerRepository.COLUMNS + " FROM customers WHERE id IN (:ids)")
                    .param("ids", all.subList(from, Math.min(all.size(), from + 1000)))
                    .query(CustomerRepository::map)
                    .list()
                    .forEach(c -> found.put(c.id(), c));
        }
        return found;
    }
}
