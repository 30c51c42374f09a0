package app.pos.staff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on failed logins ({@code pos.login.*}). A username gets {@code freeFailures} wrong passwords in a row;
 * each further one locks it for twice as long as the last, from {@code firstLock} up to {@code maxLock}, so nobody
 * (an admin included) is ever locked out for longer than {@code maxLock}. Its count is forgotten at its next
 * successful login, or {@code forgetAfter} after its last failure. One client address may fail {@code
 * addressFailures} times within {@code addressWindow} whatever the usernames, then waits for the window to end.
 */
@ConfigurationProperties("pos.login")
record LoginThrottleSettings(
        @DefaultValue("5") int freeFailures,
        @DefaultValue("30s") Duration firstLock,
        @DefaultValue("15m") Duration maxLock,
        @DefaultValue("1h") Duration forgetAfter,
        @DefaultValue("100") int addressFailures,
        @DefaultValue("15m") Duration addressWindow) {

    /** How long a username stays locked after its {@code failures}-th failure in a row (zero: not locked). */
    Duration lockAfter(int failures) {
        if (failures < freeFailures) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - freeFailures, 30);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }
}
