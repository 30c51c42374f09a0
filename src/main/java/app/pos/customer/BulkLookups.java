package app.pos.customer;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lookups of many customers at once ({@link InChunks}), for checking a whole import file. */
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
        for (List<String> chunk : InChunks.of(values)) {
            found.addAll(jdbc.sql("SELECT " + column + " FROM customers WHERE " + column + " IN (:values)")
                    .param("values", chunk)
                    .query(String.class)
                    .list());
        }
        return found;
    }

    /** The customers with these ids, by id; absent ones are left out. */
    java.util.Map<UUID, CustomerView> findByIds(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, CustomerView> found = new java.util.HashMap<>();
        for (List<UUID> chunk : InChunks.of(new java.util.HashSet<>(ids))) {
            jdbc.sql("SELECT " + CustomerRepository.COLUMNS + " FROM customers WHERE id IN (:ids)")
                    .param("ids", chunk)
                    .query(CustomerRepository::map)
                    .list()
                    .forEach(c -> found.put(c.id(), c));
        }
        return found;
    }
}
