package app.pos.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Business-day arithmetic: which day an instant belongs to, and when a day starts, in the shop's zone. */
class ShopTimeTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    static ShopTime at(LocalDateTime localNow, String dayStart) {
        Clock clock = Clock.fixed(localNow.atZone(BERLIN).toInstant(), ZoneId.of("UTC"));
        return new ShopTime(clock, BERLIN.getId(), dayStart);
    }

    static OffsetDateTime local(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(BERLIN).toOffsetDateTime();
    }

    @Test
    void withADayStartAt4AnOrderAt2358AndOneAt0005TheNextNightBelongToTheSameBusinessDay() {
        ShopTime time = at(DAY.plusDays(1).atTime(0, 5), "04:00");

        assertThat(time.today())
                .as("at 00:05 it is still the 10th's business day")
                .isEqualTo(DAY);
        assertThat(time.dayOf(local(DAY, 23, 58))).isEqualTo(DAY);
        assertThat(time.dayOf(local(DAY.plusDays(1), 3, 59))).isEqualTo(DAY);
        assertThat(time.dayOf(local(DAY.plusDays(1), 4, 0))).isEqualTo(DAY.plusDays(1));
        assertThat(time.dayOf(local(DAY, 3, 59))).isEqualTo(DAY.minusDays(1));
        assertThat(time.startOf(DAY)).isEqualTo(local(DAY, 4, 0));
    }

    @Test
    void atTheDayStartTheNextBusinessDayBegins() {
        assertThat(at(DAY.plusDays(1).atTime(4, 0), "04:00").today()).isEqualTo(DAY.plusDays(1));
        assertThat(at(DAY.plusDays(1).atTime(3, 59, 59), "04:00").today()).isEqualTo(DAY);
    }

    @Test
    void aDayStartAtMidnightIsTheCalendarDay() {
        ShopTime time = at(DAY.plusDays(1).atTime(0, 5), "00:00");

        assertThat(time.today()).isEqualTo(DAY.plusDays(1));
        assertThat(time.dayOf(local(DAY, 23, 58))).isEqualTo(DAY);
        assertThat(time.startOf(DAY)).isEqualTo(DAY.atStartOfDay(BERLIN).toOffsetDateTime());
    }

    @Test
    void theDayStartIsTheShopsLocalTimeAcrossADaylightSavingChange() {
        LocalDate springForward = LocalDate.of(2026, 3, 29); // 02:00 → 03:00 in Berlin
        ShopTime time = at(springForward.atTime(12, 0), "04:00");

        assertThat(time.startOf(springForward).toLocalTime()).hasToString("04:00");
        assertThat(time.startOf(springForward).getOffset().getTotalSeconds()).isEqualTo(2 * 3600);
        assertThat(time.startOf(springForward.minusDays(1)).getOffset().getTotalSeconds())
                .isEqualTo(3600);
    }

    @Test
    void aBusinessDaysBoundsRunFromItsStartToTheNextDaysStart() {
        ShopTime time = at(DAY.atTime(12, 0), "04:00");

        assertThat(time.boundsOf(DAY)).isEqualTo(new ShopTime.Bounds(local(DAY, 4, 0), local(DAY.plusDays(1), 4, 0)));
        assertThat(time.boundsOf(DAY.minusDays(29), DAY))
                .as("30 business days, the last one included")
                .isEqualTo(new ShopTime.Bounds(local(DAY.minusDays(29), 4, 0), local(DAY.plusDays(1), 4, 0)));
        LocalDate springForward = LocalDate.of(2026, 3, 29);
        ShopTime.Bounds shortDay = time.boundsOf(springForward.minusDays(1));
        assertThat(java.time.Duration.between(shortDay.start(), shortDay.end()))
                .as("the night the clocks go forward")
                .hasHours(23);
    }

    @Test
    void aDayStartThatIsNoTimeOfDayStopsTheStartWithTheSettingNamed() {
        assertThatThrownBy(() -> at(DAY.atTime(12, 0), "4am"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pos.day-start")
                .hasMessageContaining("4am");
    }
}
