package app.pos.customer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

    static final String COLUMNS =
            "id, name, phone, email, address, notes, total_spent, visit_count, last_visit_at, created_at, updated_at, "
                    + "birth_month, birth_day, birth_year, anniversary";

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, Contact c, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO customers (id, name, phone, email, address, notes, name_search, phone_digits,
                                       phone_digits_rev, total_spent, visit_count, created_at, updated_at)
                VALUES (:id, :name, :phone, :email, :address, :notes, :nameSearch, :digits, :digitsRev, 0, 0,
                        :now, :now)
                """).paramSource(contactParams(id, c, now)).update();
    }

    boolean update(UUID id, Contact c, OffsetDateTime now) {
        String notes = c.notes() == null ? "" : ", notes = :notes";
        return jdbc.sql("""
                UPDATE customers SET name = :name, phone = :phone, email = :email, address = :address,
                       name_search = :nameSearch, phone_digits = :digits, phone_digits_rev = :digitsRev,
                       updated_at = :now""" + notes + " WHERE id = :id")
                        .paramSource(contactParams(id, c, now))
                        .update()
                == 1;
    }

    /** Replaces only the notes (null clears them), so a note typed at the till never rewrites the contact values. */
    boolean updateNotes(UUID id, String notes, OffsetDateTime now) {
        return jdbc.sql("UPDATE customers SET notes = :notes, updated_at = :now WHERE id = :id")
                        .param("id", id)
                        .param("notes", notes)
                        .param("now", now)
                        .update()
                == 1;
    }

    /** A customer's contact values with the search columns derived from them, as insert and update store them. */
    private static MapSqlParameterSource contactParams(UUID id, Contact c, OffsetDateTime now) {
        SearchColumns search = c.searchColumns();
        return new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("name", c.name())
                .addValue("phone", c.phone())
                .addValue("email", c.email())
                .addValue("address", c.address())
                .addValue("notes", c.notes() == null || c.notes().isEmpty() ? null : c.notes())
                .addValue("nameSearch", search.nameSearch())
                .addValue("digits", search.phoneDigits())
                .addValue("digitsRev", search.phoneDigitsReversed())
                .addValue("now", now);
    }

    /** Fills in contact details the customer does not have yet; never overwrites a value they have. Whether it filled any. */
    boolean fillBlanks(UUID id, Contact c, OffsetDateTime now) {
        int changed = 0;
        if (c.email() != null) {
            changed += jdbc.sql(
                            "UPDATE customers SET email = :email, updated_at = :now WHERE id = :id AND email IS NULL")
                    .param("id", id)
                    .param("email", c.email())
                    .param("now", now)
                    .update();
        }
        if (c.address() != null) {
            changed += jdbc.sql(
                            "UPDATE customers SET address = :address, updated_at = :now WHERE id = :id AND address IS NULL")
                    .param("id", id)
                    .param("address", c.address())
                    .param("now", now)
                    .update();
        }
        return changed > 0;
    }

    boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM customers WHERE id = :id").param("id", id).update() == 1;
    }

    Optional<CustomerView> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customers WHERE id = :id")
                .param("id", id)
                .query(CustomerRepository::map)
                .optional();
    }

    Optional<CustomerView> findByPhone(String e164) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customers WHERE phone = :phone")
                .param("phone", e164)
                .query(CustomerRepository::map)
                .optional();
    }

    /** The longest-standing customer with this (lower-case) email; email is not unique, phone is. */
    Optional<CustomerView> findByEmail(String email) {
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM customers WHERE email = :email ORDER BY created_at, id")
                .param("email", email)
                .query(CustomerRepository::map)
                .list()
                .stream()
                .findFirst();
    }

    /**
     * The best {@code limit} matches: one query per rank (exact phone, then phone suffixes or name prefixes, then
     * the rest), each excluding the ranks before it and ordered newest visitor first, until {@code limit} rows
     * are found. Same result as one ranked query, but each query can stop early. With an order PostgreSQL can
     * take from the last-visit index, it walks the newest visitors until ten match a common name prefix
     * ("mar"), or reads the few rows a rare one matches from the prefix or trigram index, whichever its
     * statistics say is cheaper (sorting by a computed rank instead fetched and sorted every Mary: 65-145 ms
     * at a million customers). A tier known to match few rows is read in a subquery with {@code OFFSET 0},
     * which PostgreSQL plans on its own, from the indexes, and then sorted: left to choose, it overestimated
     * a phone suffix's hundred matches tenfold and walked a tenth of the table (145 ms for one query).
     */
    List<CustomerView> search(CustomerSearch search, int limit) {
        List<CustomerView> found = new ArrayList<>();
        List<String> better = new ArrayList<>();
        List<CustomerSearch.Tier> steps = new ArrayList<>(search.tiers());
        steps.add(new CustomerSearch.Tier(search.where(), false)); // the rest
        for (CustomerSearch.Tier step : steps) {
            if (found.size() >= limit) {
                break;
            }
            String condition = "(" + step.condition() + ")";
            if (!better.isEmpty()) {
                // NOT of a NULL (an email prefix on a customer without email) would drop the row: COALESCE first.
                condition += " AND NOT COALESCE(" + String.join(" OR ", better) + ", FALSE)";
            }
            String from = step.few()
                    ? "(SELECT " + COLUMNS + " FROM customers WHERE " + condition + " OFFSET 0) matches"
                    : "customers WHERE " + condition;
            found.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM " + from
                            + " ORDER BY last_visit_at DESC NULLS LAST, name, id LIMIT :limit")
                    .params(search.params())
                    .param("limit", limit - found.size())
                    .query(CustomerRepository::map)
                    .list());
            better.add("(" + step.condition() + ")");
        }
        return found;
    }

    List<CustomerView> recent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customers ORDER BY last_visit_at DESC NULLS LAST, created_at DESC "
                        + "LIMIT :limit")
                .param("limit", limit)
                .query(CustomerRepository::map)
                .list();
    }

    Optional<CustomerView> lockById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM customers WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(CustomerRepository::map)
                .optional();
    }

    static CustomerView map(ResultSet rs, int row) throws SQLException {
        return new CustomerView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("phone"),
                rs.getString("email"),
                rs.getString("address"),
                rs.getString("notes"),
                rs.getBigDecimal("total_spent"),
                rs.getInt("visit_count"),
                rs.getObject("last_visit_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class),
                ProfileRepository.birthdayText(
                        rs.getObject("birth_month", Integer.class),
                        rs.getObject("birth_day", Integer.class),
                        rs.getObject("birth_year", Integer.class)),
                rs.getObject("anniversary", LocalDate.class),
                null);
    }
}
