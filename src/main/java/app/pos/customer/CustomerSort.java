package app.pos.customer;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/** The orders the back office can list customers in, each with its SQL sort key for keyset pagination. */
public enum CustomerSort {
    NAME("name_search"),
    TOTAL_SPENT("total_spent"),
    VISITS("visit_count"),
    LAST_VISIT("COALESCE(last_visit_at, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')"),
    CREATED("created_at");

    private final String key;

    CustomerSort(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** The cursor after a row: its sort key and id, opaque to clients. */
    String cursorOf(ResultSet rs) throws SQLException {
        Object value = rs.getObject("sort_key");
        String text = value instanceof OffsetDateTime t
                ? t.toString()
                : value instanceof java.sql.Timestamp ts ? ts.toInstant().toString() : String.valueOf(value);
        String raw = text + "|" + rs.getObject("id", UUID.class);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor into (sort key value, id), or throws IllegalArgumentException for a forged one. */
    Object[] decode(String cursor) {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int bar = raw.lastIndexOf('|');
        if (bar < 0) {
            throw new IllegalArgumentException("bad cursor");
        }
        String value = raw.substring(0, bar);
        UUID id = UUID.fromString(raw.substring(bar + 1));
        Object key = switch (this) {
            case NAME -> value;
            case TOTAL_SPENT -> new BigDecimal(value);
            case VISITS -> Integer.valueOf(value);
            case LAST_VISIT, CREATED -> parseInstant(value);
        };
        return new Object[] {key, id};
    }

    private static OffsetDateTime parseInstant(String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.Instant.parse(value).atOffset(java.time.ZoneOffset.UTC);
        }
    }
}
