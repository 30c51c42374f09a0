package app.pos.reconciliation;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What a reconciliation found: how much it checked, how many records are off, and the first of them. */
@Schema(name = "Reconciliation")
public record ReconciliationReport(
        @Schema(description = "When the check started") OffsetDateTime checkedAt,

        @Schema(description = "How long the check took, in milliseconds")
        long durationMillis,

        @Schema(description = "Customers whose statistics were checked (every customer)")
        int customersChecked,

        @Schema(description = "Loyalty accounts (a balance, entries or both) that were checked")
        int loyaltyAccountsChecked,

        @Schema(description = "Customers whose stored statistics differ from what their orders and refunds give")
        int statsMismatches,

        @Schema(description = "Loyalty accounts whose balance or lifetime earned differs from their ledger entries")
        int pointsMismatches,

        @Schema(description = "The first " + LISTED + " customers with stats mismatches, by id")
        List<StatsMismatch> statsDifferences,

        @Schema(description = "The first " + LISTED + " loyalty accounts with points mismatches, by id")
        List<PointsMismatch> pointsDifferences) {

    /** How many mismatches of each kind a report lists (all are counted). */
    public static final int LISTED = 100;

    public ReconciliationReport {
        statsDifferences = List.copyOf(statsDifferences);
        pointsDifferences = List.copyOf(pointsDifferences);
    }

    public boolean consistent() {
        return statsMismatches == 0 && pointsMismatches == 0;
    }

    @Schema(name = "ReconciliationStats", description = "A customer's statistics")
    public record Stats(
            BigDecimal totalSpent,
            int visits,

            @Schema(nullable = true, description = "null when there is none")
            OffsetDateTime lastVisit) {}

    @Schema(name = "ReconciliationStatsMismatch")
    public record StatsMismatch(
            UUID customerId,

            @Schema(description = "As stored on the customer")
            Stats stored,

            @Schema(description = "As the customer's completed orders, less their refunds, give")
            Stats expected) {}

    @Schema(name = "ReconciliationPointsMismatch")
    public record PointsMismatch(
            UUID customerId,
            @Schema(description = "The stored balance") long storedBalance,

            @Schema(description = "The sum of the account's entries")
            long ledgerBalance,

            @Schema(description = "The stored lifetime earned")
            long storedLifetimeEarned,

            @Schema(description = "The sum of the account's EARN and REVERSAL entries")
            long ledgerLifetimeEarned) {}
}
