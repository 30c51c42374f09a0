package app.pos.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The shop's time zone ({@code pos.time-zone}, default the server's): what "today" and "this month" mean. */
@Component
public class ShopTime {

    private final Clock clock;
    private final ZoneId zone;

    ShopTime(Clock clock, @Value("${pos.time-zone:}") String zone) {
        this.clock = clock;
        this.zone = zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The first instant of that day in the shop's zone. */
    public OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }
}
