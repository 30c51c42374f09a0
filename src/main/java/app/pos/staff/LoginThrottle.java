package app.pos.staff;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, by form login and HTTP Basic alike (see {@link LoginThrottleSettings}). The
 * counts live in the database, so two instances behind one address share them and a restart does not reset
 * them. {@link #check} runs before any password is hashed, so a locked username or address cannot make the
 * server spend CPU on bcrypt. Every failure is logged with its username and address, never its password.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_SUBJECT = 100;
    private static final int CLEAN_EVERY = 64;

    private final LoginFailures failures;
    private final LoginThrottleSettings settings;
    private final Clock clock;
    private final AtomicInteger sinceCleaning = new AtomicInteger();

    LoginThrottle(LoginFailures failures, LoginThrottleSettings settings, Clock clock) {
        this.failures = failures;
        this.settings = settings;
        this.clock = clock;
    }

    /** What {@link #check} found: whether the username has failures to forget when it logs in. */
    record Attempt(String username, String address, boolean hasFailures) {}

    /** Refuses (with the time to wait) a login whose username or address is locked; otherwise lets it be checked. */
    Attempt check(String username, String address) {
        String user = key(username);
        String from = key(address);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Duration wait = Duration.ZERO;
        boolean hasFailures = false;
        for (LoginFailures.Count count : failures.find(user, from)) {
            OffsetDateTime until;
            if (count.kind() == LoginFailures.Kind.USERNAME) {
                hasFailures = true;
                until = count.last().plus(settings.lockAfter(count.failures()));
            } else {
                boolean full = count.failures() >= settings.addressFailures();
                until = full ? count.first().plus(settings.addressWindow()) : now;
            }
            Duration left = Duration.between(now, until);
            if (left.compareTo(wait) > 0) {
                wait = left;
            }
        }
        if (!wait.isNegative() && !wait.isZero()) {
            log.warn(
                    "Refused login for username={} from address={}: locked after failed logins, {}s left",
                    printable(username),
                    printable(address),
                    wait.toSeconds());
            throw new LoginThrottled(wait);
        }
        return new Attempt(user, from, hasFailures);
    }

    void failed(Attempt attempt, String typedUsername) {
        log.warn("Failed login for username={} from address={}", printable(typedUsername), attempt.address());
        OffsetDateTime now = OffsetDateTime.now(clock);
        failures.add(LoginFailures.Kind.USERNAME, attempt.username(), now, now.minus(settings.forgetAfter()));
        failures.add(LoginFailures.Kind.ADDRESS, attempt.address(), now, now.minus(settings.addressWindow()));
        if (sinceCleaning.incrementAndGet() % CLEAN_EVERY == 0) {
            Duration longest = settings.forgetAfter().compareTo(settings.addressWindow()) > 0
                    ? settings.forgetAfter()
                    : settings.addressWindow();
            failures.forgetOlderThan(now.minus(longest).minus(settings.maxLock()));
        }
    }

    /** A correct password ends its username's run of failures (never its address's: one known password must not
     * reset the count of an address that is guessing others). */
    void succeeded(Attempt attempt) {
        if (attempt.hasFailures()) {
            failures.forget(LoginFailures.Kind.USERNAME, attempt.username());
        }
    }

    private static String key(String value) {
        String lower = value == null ? "" : value.toLowerCase(Locale.ROOT);
        return lower.length() > MAX_SUBJECT ? lower.substring(0, MAX_SUBJECT) : lower;
    }

    /** What a client typed, safe for one log line: no line breaks or other control characters, not too long. */
    private static String printable(String value) {
        String safe = value == null ? "" : value.replaceAll("\\p{Cntrl}", "?");
        return safe.length() > MAX_SUBJECT ? safe.substring(0, MAX_SUBJECT) + "…" : safe;
    }
}
