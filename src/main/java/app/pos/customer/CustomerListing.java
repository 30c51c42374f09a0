package app.pos.customer;

import app.pos.shared.InvalidInput;
import app.pos.shared.PhoneNumbers;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The back office's customer list: filters, sort and keyset pagination (WHERE (key, id) after the cursor, never
 * OFFSET), a bounded count, and a streaming export that never holds the whole list in memory.
 */
@Repository
class CustomerListing {

    static final int COUNT_CAP = 10_000;
    private static final int EXPORT_FETCH_SIZE = 500;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate streaming;
    private final PhoneNumbers phones;

    CustomerListing(JdbcClient jdbc, JdbcTemplate template, PhoneNumbers phones) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(template.getDataSource());
        fetching.setFetchSize(EXPORT_FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
        this.phones = phones;
    }

    private record Where(String sql, Map<String, Object> params) {}

    CustomerPage page(CustomerFilter filter, CustomerSort sort, boolean descending, String cursor, int size) {
        Where where = where(filter);
        StringBuilder sql = new StringBuilder("SELECT " + CustomerRepository.COLUMNS + ", " + sort.key()
                + " AS sort_key FROM customers WHERE " + where.sql());
        Map<String, Object> params = new LinkedHashMap<>(where.params());
        if (cursor != null && !cursor.isBlank()) {
            Object[] after;
            try {
                after = sort.decode(cursor);
            } catch (RuntimeException e) {
                throw InvalidInput.field("after", "is not a valid page cursor");
            }
            // A row-value comparison is one range condition on the (sort key, id) index: every page, however
            // deep, starts with an index seek. (The equivalent OR form makes PostgreSQL read past the cursor.)
            String op = descending ? "<" : ">";
            sql.append(" AND (").append(sort.key()).append(", id) ").append(op).append(" (:afterKey, :afterId)");
            params.put("afterKey", after[0]);
            params.put("afterId", after[1]);
        }
        String direction = descending ? " DESC" : " ASC";
        sql.append(" ORDER BY ")
                .append(sort.key())
                .append(direction)
                .append(", id")
                .append(direction)
                .append(" LIMIT :limit");
        params.put("limit", size + 1);
        List<CustomerView> rows = new ArrayList<>();
        List<String> cursors = new ArrayList<>();
        jdbc.sql(sql.toString()).params(params).query((ResultSet rs) -> {
            rows.add(CustomerRepository.map(rs, rows.size()));
            cursors.add(sort.cursorOf(rs));
        });
        boolean more = rows.size() > size;
        List<CustomerView> items = more ? rows.subList(0, size) : rows;
        long count = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM customers WHERE " + where.sql() + " LIMIT "
                        + (COUNT_CAP + 1) + ") capped")
                .params(where.params())
                .query(Long.class)
                .single();
        return new CustomerPage(
                List.copyOf(items), more ? cursors.get(size - 1) : null, Math.min(count, COUNT_CAP), count > COUNT_CAP);
    }

    /** Streams every matching customer, in list order, fetching rows in batches through a database cursor. */
    void export(CustomerFilter filter, CustomerSort sort, boolean descending, Consumer<CustomerView> sink) {
        Where where = where(filter);
        String direction = descending ? " DESC" : " ASC";
        String sql = "SELECT " + CustomerRepository.COLUMNS + " FROM customers WHERE " + where.sql() + " ORDER BY "
                + sort.key() + direction + ", id" + direction;
        streaming.query(sql, where.params(), (ResultSet rs) -> {
            sink.accept(CustomerRepository.map(rs, 0));
        });
    }

    private Where where(CustomerFilter f) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        conditions.add("1 = 1");
        if (f.q() != null && !f.q().isBlank()) {
            CustomerSearch.parse(f.q(), phones).ifPresent(search -> {
                conditions.add("(" + search.where() + ")");
                params.putAll(search.params());
            });
        }
        range(conditions, params, "total_spent", f.minSpent(), f.maxSpent(), "Spent");
        range(conditions, params, "visit_count", f.minVisits(), f.maxVisits(), "Visits");
        if (f.lastVisitFrom() != null) {
            conditions.add("last_visit_at >= :lastVisitFrom");
            params.put("lastVisitFrom", f.lastVisitFrom());
        }
        if (f.lastVisitTo() != null) {
            conditions.add("last_visit_at < :lastVisitTo");
            params.put("lastVisitTo", f.lastVisitTo());
        }
        if (f.createdFrom() != null) {
            conditions.add("created_at >= :createdFrom");
            params.put("createdFrom", f.createdFrom());
        }
        if (f.createdTo() != null) {
            conditions.add("created_at < :createdTo");
            params.put("createdTo", f.createdTo());
        }
        if (f.hasPhone() != null) {
            conditions.add(f.hasPhone() ? "phone IS NOT NULL" : "phone IS NULL");
        }
        if (f.hasEmail() != null) {
            conditions.add(f.hasEmail() ? "email IS NOT NULL" : "email IS NULL");
        }
        return new Where(String.join(" AND ", conditions), params);
    }

    private static void range(
            List<String> conditions, Map<String, Object> params, String column, Object min, Object max, String name) {
        if (min != null) {
            conditions.add(column + " >= :min" + name);
            params.put("min" + name, min);
        }
        if (max != null) {
            conditions.add(column + " <= :max" + name);
            params.put("max" + name, max);
        }
    }
}
