package app.pos.loyalty;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A customer's standing in the program, as the till's customer panel and the API show it. */
public record LoyaltySummary(
        @Schema(description = "Whether the customer's LOYALTY consent is granted")
        boolean member,

        @Schema(description = "Points; below zero when a void took back points already spent")
        long balance,

        @Schema(description = "Points earned by orders, less what voids took back")
        long lifetimeEarned,

        @Schema(description = "The tier held now; null when no tier is reached")
        String tier,

        @Schema(description = "Basis of the orders of the last 365 days")
        BigDecimal qualifyingSpend,

        NextTier nextTier,

        @Schema(
                description = "Unspent points expiring within 30 days, per expiry, soonest first (points whose"
                        + " expiry has passed but that the nightly run has not written off yet included); empty"
                        + " when points never expire")
        List<Expiring> expiring) {

    public record NextTier(String name, BigDecimal spendNeeded) {}

    public record Expiring(
            long points,

            @Schema(description = "When they expire: the end of the business day N months after they were earned")
            OffsetDateTime expiresAt) {}
}
