package app.pos.reconciliation;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reconciliation nightly ({@code pos.reconciliation.cron}, 04:15 in {@code pos.time-zone} by default, after
 * the retention run; "-" turns it off) and stores the result for the dashboard. On several instances only the one
 * that takes ShedLock's row in {@code shedlock} runs it (the scheduler and its lock provider are configured once for
 * the application, in {@code privacy}'s {@code SchedulingConfig}).
 */
@Component
class ReconciliationJob {

    static final String LOCK = "reconciliation";

    private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);

    private final Reconciliation reconciliation;

    ReconciliationJob(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Scheduled(cron = "${pos.reconciliation.cron:0 15 4 * * *}", zone = "${pos.time-zone:}")
    @SchedulerLock(name = LOCK, lockAtMostFor = "PT1H", lockAtLeastFor = "PT10M")
    public void run() {
        ReconciliationReport report = reconciliation.run(null);
        if (report.consistent()) {
            log.info("Reconciliation: {} customers checked, no mismatch", report.customersChecked());
        } else {
            log.warn(
                    "Reconciliation: {} customers checked, {} stats mismatches, {} points mismatches",
                    report.customersChecked(),
                    report.statsMismatches(),
                    report.pointsMismatches());
        }
    }
}
