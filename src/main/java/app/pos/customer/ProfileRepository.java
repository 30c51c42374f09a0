package app.pos.customer;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The profile columns of {@code customers} and the {@code customer_tags} rows. */
@Repository
class ProfileRepository {

    private final JdbcClient jdbc;

    ProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's tags, sorted ignoring case. */
    List<String> tags(UUID customerId) {
        return jdbc
                .sql("SELECT tag FROM customer_tags WHERE customer_id = :id")
                .param("id", customerId)
                .query(String.class)
                .list()
                .stream()
                .sorted(CustomerProfile.TAG_ORDER)
                .toList();
    }

    /** Replaces the customer's birthday, anniversary and tags with the profile's. */
    void save(UUID customerId, CustomerProfile profile) {
        Birthday b = profile.birthday();
        jdbc.sql("UPDATE customers SET birth_month = :month, birth_day = :day, birth_year = :year, "
                        + "anniversary = :anniversary WHERE id = :id")
                .param("id", customerId)
                .param("month", b == null ? null : b.month())
                .param("day", b == null ? null : b.day())
                .param("year", b == null ? null : b.year())
                .param("anniversary", profile.anniversary(), java.sql.Types.DATE)
                .update();
        jdbc.sql("DELETE FROM customer_tags WHERE customer_id = :id")
                .param("id", customerId)
                .update();
        for (String tag : profile.tags()) {
            jdbc.sql("INSERT INTO customer_tags (customer_id, tag, tag_key) VALUES (:id, :tag, :key)")
                    .param("id", customerId)
                    .param("tag", tag)
                    .param("key", CustomerProfile.key(tag))
                    .update();
        }
    }

    /** The stored columns as the API writes a birthday; null when there is none. */
    static String birthdayText(Integer month, Integer day, Integer year) {
        return month == null || day == null ? null : new Birthday(month, day, year).toString();
    }
}
