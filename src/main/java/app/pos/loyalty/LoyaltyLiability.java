package app.pos.loyalty;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/** What the program owes its members, and how many members hold each tier ({@link LoyaltyReport}). */
public record LoyaltyLiability(
        @Schema(
                description = "The sum of every positive balance (a negative balance owes nothing back)",
                example = "1520")
        long outstandingPoints,

        @Schema(
                description = "What one point is worth: the best ratio of discountAmount to points among the active "
                        + "rewards; null when no active reward has a cash value (percent and free-product rewards "
                        + "have none)",
                example = "0.0500",
                nullable = true)
        BigDecimal pointValue,

        @Schema(
                description = "outstandingPoints × pointValue, rounded to the cent; null without a pointValue",
                example = "76.00",
                nullable = true)
        BigDecimal liability,

        @Schema(description = "Members (LOYALTY consent granted) per tier, in the program's order")
        List<TierMembers> membersPerTier) {

    public record TierMembers(
            @Schema(description = "The tier's name; null when the program has no tiers", example = "Silver")
            String tier,

            long members) {}
}
