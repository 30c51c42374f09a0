package app.pos.loyalty;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The shop's loyalty program. Tiers are in ascending order of qualifying spend; a reward has exactly one of
 * {@code discountAmount}, {@code discountPercent} and {@code freeProductId}. Fields left out of a PUT take their
 * defaults (pointsPerUnit 1, BEFORE_TAX, the three default tiers, no rewards).
 */
public record LoyaltyProgram(
        @Schema(description = "Whether members earn points; off in a new shop", example = "true")
        Boolean enabled,

        @Schema(description = "Points per 1.00 of currency", example = "1")
        BigDecimal pointsPerUnit,

        @Schema(description = "BEFORE_TAX (the default) or AFTER_TAX", example = "BEFORE_TAX")
        String earnBasis,

        @Schema(description = "Categories whose lines earn nothing")
        List<String> excludedCategories,

        @Schema(
                description = "Months after which unspent points expire (at the end of the business day N months"
                        + " after they were earned; the setting applies to points already earned); null: never",
                example = "12")
        Integer pointsExpireAfterMonths,

        @Schema(description = "Whether a void gives back the points its order redeemed", example = "true")
        Boolean returnRedeemedPointsOnVoid,

        List<Tier> tiers,
        List<Reward> rewards) {

    static final List<Tier> DEFAULT_TIERS = List.of(
            new Tier("Bronze", new BigDecimal("0.00"), new BigDecimal("1.00")),
            new Tier("Silver", new BigDecimal("250.00"), new BigDecimal("1.25")),
            new Tier("Gold", new BigDecimal("1000.00"), new BigDecimal("1.50")));

    public record Tier(
            @Schema(example = "Silver") String name,

            @Schema(description = "Spend in the last 365 days that reaches the tier", example = "250.00")
            BigDecimal qualifyingSpend,

            @Schema(description = "Multiplies the points of each order", example = "1.25")
            BigDecimal multiplier) {}

    public record Reward(
            @Schema(description = "Assigned by the server when left out")
            UUID id,

            @Schema(example = "Free coffee") String name,

            @Schema(description = "Points it costs", example = "100")
            Integer points,

            BigDecimal discountAmount,
            BigDecimal discountPercent,
            UUID freeProductId,
            @Schema(description = "Defaults to true") Boolean active) {}

    EarnBasis basis() {
        return EarnBasis.valueOf(earnBasis);
    }

    /** The highest tier whose qualifying spend {@code spend} reaches, or null (no tier: multiplier 1). */
    Tier tierFor(BigDecimal spend) {
        Tier reached = null;
        for (Tier tier : tiers) {
            if (spend.compareTo(tier.qualifyingSpend()) >= 0) {
                reached = tier;
            }
        }
        return reached;
    }

    Tier tierNamed(String name) {
        return name == null
                ? null
                : tiers.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }

    /** The higher of two tiers (by position in the list; null is lowest). */
    Tier higher(Tier a, Tier b) {
        if (a == null) {
            return b;
        }
        return b == null || tiers.indexOf(a) >= tiers.indexOf(b) ? a : b;
    }

    /** The tier above {@code tier} (the first one when null), or null at the top. */
    Tier above(Tier tier) {
        int next = tier == null ? 0 : tiers.indexOf(tier) + 1;
        return next < tiers.size() ? tiers.get(next) : null;
    }
}
