package app.pos.privacy;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies the retention policy daily ({@code pos.retention.cron}, 03:30 in {@code pos.time-zone} by default; "-"
 * turns the schedule off). On several instances, only the one that takes ShedLock's row in {@code shedlock} runs
 * it; the others skip. The lock is held at least 10 minutes, so an instance whose clock is a little behind does
 * not run it a second time the same night.
 */
@Component
class RetentionJob {

    static final String LOCK = "retention";

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final Retention retention;

    RetentionJob(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${pos.retention.cron:0 30 3 * * *}", zone = "${pos.time-zone:}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT2H", lockAtLeastFor = "PT10M")
    public void run() {
        Retention.Outcome outcome = retention.runIfEnabled();
        log.info("Retention run: {} customers erased", outcome.erased());
    }
}
