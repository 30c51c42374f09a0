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

    /**
     * The filter for the audit log: every value but the free text, which may be a person's name or number and is
     * given by its length only ("q=(7 chars), minVisits=2, sort=LAST_VISIT, dir=desc").
     */
    String describedWithoutPersonalData() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (q != null && !q.isBlank()) {
            parts.add("q=(" + q.strip().codePointCount(0, q.strip().length()) + " chars)");
        }
        add(parts, "minSpent", minSpent);
        add(parts, "maxSpent", maxSpent);
        add(parts, "minVisits", minVisits);
        add(parts, "maxVisits", maxVisits);
        add(parts, "lastVisitFrom", lastVisitFrom);
        add(parts, "lastVisitTo", lastVisitTo);
        add(parts, "createdFrom", createdFrom);
        add(parts, "createdTo", createdTo);
        add(parts, "hasPhone", hasPhone);
        add(parts, "hasEmail", hasEmail);
        parts.add("sort=" + sortOrDefault());
        parts.add("dir=" + (descending() ? "desc" : "asc"));
        return String.join(", ", parts);
    }

    private static void add(java.util.List<String> parts, String name, Object value) {
        if (value != null) {
            parts.add(name + "=" + (value instanceof BigDecimal money ? money.toPlainString() : value));
        }
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
