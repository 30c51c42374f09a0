package app.pos.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleSettingsTests {

    final LoginThrottleSettings defaults = new LoginThrottleSettings(
            5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1), 100, Duration.ofMinutes(15));

    @Test
    void fiveFreeFailuresThenLocksThatDoubleUpToFifteenMinutesSoNobodyIsLockedOutForever() {
        assertThat(defaults.lockAfter(4)).isZero();
        assertThat(defaults.lockAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.lockAfter(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(defaults.lockAfter(9)).isEqualTo(Duration.ofMinutes(8));
        assertThat(defaults.lockAfter(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.lockAfter(1_000_000)).isEqualTo(Duration.ofMinutes(15));
    }
}
