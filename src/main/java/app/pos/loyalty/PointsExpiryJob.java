package app.pos.loyalty;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link PointsExpiry} daily ({@code pos.points-expiry.cron}, 04:45 in {@code pos.time-zone} by default, after
 * the business day starts at 04:00, so the day that just ended is written off; "-" turns the schedule off). On
 * several instances only the one that takes ShedLock's {@code loyalty-expiry} row runs it (the scheduling and lock
 * configuration is the application's, {@code privacy.SchedulingConfig}); the lock is held at least 10 minutes so an
 * instance whose clock is a little behind does not start it again. A second run would write nothing anyway.
 */
@Component
class PointsExpiryJob {

    static final String LOCK = "loyalty-expiry";

    private static final Logger log = LoggerFactory.getLogger(PointsExpiryJob.class);

    private final PointsExpiry expiry;

    PointsExpiryJob(PointsExpiry expiry) {
        this.expiry = expiry;
    }

    @Scheduled(cron = "${pos.points-expiry.cron:0 45 4 * * *}", zone = "${pos.time-zone:}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT2H", lockAtLeastFor = "PT10M")
    public void run() {
        PointsExpiry.Outcome outcome = expiry.run();
        log.info(
                "Points expiry: {} customers examined, {} points of {} customers expired",
                outcome.examined(),
                outcome.points(),
                outcome.customers());
    }
}
