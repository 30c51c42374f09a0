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

        @Schema(description = "Points expiring within 30 days (empty until expiry is built)")
        List<Expiring> expiring) {

    public record NextTier(String name, BigDecimal spendNeeded) {}

    public record Expiring(long points, OffsetDateTime expiresAt) {}
}
