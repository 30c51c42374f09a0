package app.pos.reconciliation;

import java.time.OffsetDateTime;

/** A stored run's result, as the dashboard shows it; {@code startedBy} is null for the nightly job. */
public record ReconciliationRun(
        OffsetDateTime checkedAt,
        long durationMillis,
        int customersChecked,
        int loyaltyAccountsChecked,
        int statsMismatches,
        int pointsMismatches,
        String startedBy) {

    static ReconciliationRun of(ReconciliationReport report, String startedBy) {
        return new ReconciliationRun(
                report.checkedAt(),
                report.durationMillis(),
                report.customersChecked(),
                report.loyaltyAccountsChecked(),
                report.statsMismatches(),
                report.pointsMismatches(),
                startedBy);
    }

    public boolean consistent() {
        return statsMismatches == 0 && pointsMismatches == 0;
    }
}
