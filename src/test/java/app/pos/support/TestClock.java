package app.pos.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the real one (UTC, microseconds, as {@code ClockConfig}), until a test sets a
 * time ({@link #set}) to see what happens at 00:05; that test puts it back with {@link #reset()} in an
 * {@code @AfterEach}. Every test context imports it (one configuration, no extra contexts), and tests in a JVM run
 * one after another, so a set time is seen only by the test that set it.
 */
public class TestClock extends Clock {

    private static final Clock REAL = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    /** Stops the clock at this instant until the next {@link #set} or {@link #reset()}. */
    public void set(Instant at) {
        fixed.set(at);
    }

    /** Back to the real time. */
    public void reset() {
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = fixed.get();
        return at != null ? at : REAL.instant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new Clock() {
            @Override
            public Instant instant() {
                return TestClock.this.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return TestClock.this.withZone(other);
            }
        };
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
