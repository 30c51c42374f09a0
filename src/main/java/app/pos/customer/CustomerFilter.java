package app.pos.customer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The back office's customer filters; every field is optional. Dates are instants already resolved in the
 * shop's time zone by the caller; "to" bounds are exclusive.
 */
public record CustomerFilter(
        String q,
        BigDecimal minSpent,
        BigDecimal maxSpent,
        Integer minVisits,
        Integer maxVisits,
        OffsetDateTime lastVisitFrom,
        OffsetDateTime lastVisitTo,
        OffsetDateTime createdFrom,
        OffsetDateTime createdTo,
        Boolean hasPhone,
        Boolean hasEmail) {

    public static CustomerFilter none() {
        return new CustomerFilter(null, null, null, null, null, null, null, null, null, null, null);
    }
}
