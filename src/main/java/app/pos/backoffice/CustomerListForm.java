package app.pos.backoffice;

import app.pos.customer.CustomerFilter;
import app.pos.customer.CustomerSort;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

/** The customer list's query parameters, shared by the page, its htmx rows and the CSV export. */
public record CustomerListForm(
        String q,
        BigDecimal minSpent,
        BigDecimal maxSpent,
        Integer minVisits,
        Integer maxVisits,
        LocalDate lastVisitFrom,
        LocalDate lastVisitTo,
        LocalDate createdFrom,
        LocalDate createdTo,
        Boolean hasPhone,
        Boolean hasEmail,
        CustomerSort sort,
        String dir,
        String after,
        Integer size) {

    CustomerFilter filter(ZoneId zone) {
        return new CustomerFilter(
                q,
                minSpent,
                maxSpent,
                minVisits,
                maxVisits,
                start(lastVisitFrom, zone),
                endExclusive(lastVisitTo, zone),
                start(createdFrom, zone),
                endExclusive(createdTo, zone),
                hasPhone,
                hasEmail);
    }

    CustomerSort sortOrDefault() {
        return sort == null ? CustomerSort.LAST_VISIT : sort;
    }

    boolean descending() {
        return dir == null ? sortOrDefault() != CustomerSort.NAME : !"asc".equalsIgnoreCase(dir);
    }

    int sizeOrDefault() {
        return size == null ? 50 : size;
    }

    private static java.time.OffsetDateTime start(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toOffsetDateTime();
    }

    private static java.time.OffsetDateTime endExclusive(LocalDate day, ZoneId zone) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }
}
