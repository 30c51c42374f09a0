package app.pos.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The shop's time: its zone ({@code pos.time-zone}, default the server's) and when its business day starts
 * ({@code pos.day-start}, default 04:00). A business day is named by the date it starts on: with day start 04:00,
 * an order at 23:58 and one at 00:05 the next night both belong to the first day, and "today" at 02:00 is still
 * yesterday's date. Today's orders, the cash-up and the dashboard count business days.
 */
@Component
public class ShopTime {

    private final Clock clock;
    private final ZoneId zone;
    private final LocalTime dayStart;

    ShopTime(Clock clock, @Value("${pos.time-zone:}") String zone, @Value("${pos.day-start:04:00}") String dayStart) {
        this.clock = clock;
        this.zone = zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
        this.dayStart = parse(dayStart);
    }

    private static LocalTime parse(String dayStart) {
        try {
            return LocalTime.parse(dayStart.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(
                    "pos.day-start must be a time of day such as 04:00 or 00:00, was '" + dayStart + "'", e);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    /** When a business day starts, in the shop's zone. */
    public LocalTime dayStart() {
        return dayStart;
    }

    /** The business day now. */
    public LocalDate today() {
        return dayOf(OffsetDateTime.now(clock));
    }

    /** The business day an instant belongs to. */
    public LocalDate dayOf(OffsetDateTime at) {
        var local = at.atZoneSameInstant(zone).toLocalDateTime();
        LocalDate date = local.toLocalDate();
        return local.toLocalTime().isBefore(dayStart) ? date.minusDays(1) : date;
    }

    /** The first instant of that business day (on a daylight-saving gap, the first instant after it). */
    public OffsetDateTime startOf(LocalDate day) {
        return day.atTime(dayStart).atZone(zone).toOffsetDateTime();
    }

    /** That business day's bounds: from its start to the next day's start. */
    public Bounds boundsOf(LocalDate day) {
        return boundsOf(day, day);
    }

    /** The bounds of the business days {@code first} to {@code last}, both included. */
    public Bounds boundsOf(LocalDate first, LocalDate last) {
        return new Bounds(startOf(first), startOf(last.plusDays(1)));
    }

    /** A stretch of time from {@code start} (included) to {@code end} (excluded). */
    public record Bounds(OffsetDateTime start, OffsetDateTime end) {}
}
