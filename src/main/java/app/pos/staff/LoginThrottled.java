package app.pos.staff;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused, without checking its password, because its username or address failed too often. */
final class LoginThrottled extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottled(Duration retryAfter) {
        super("Too many failed logins");
        this.retryAfter = retryAfter;
    }

    /** Whole seconds until the next try may be checked, at least 1 (the {@code Retry-After} value). */
    long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** Whole minutes, rounded up, for people. */
    long retryAfterMinutes() {
        return (retryAfterSeconds() + 59) / 60;
    }
}
