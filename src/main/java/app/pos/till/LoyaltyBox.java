package app.pos.till;

import app.pos.loyalty.LoyaltyProgram;
import app.pos.loyalty.LoyaltySummary;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Comparator;

/**
 * What the till's loyalty box shows of the selected customer: membership, tier, balance (below zero when a void
 * took back points already spent), progress to the next tier, points expiring within 30 days and the next reward
 * the balance does not reach yet (the cheapest active one; null when every active reward is affordable).
 */
record LoyaltyBox(
        boolean member,
        String tier,
        long balance,
        BigDecimal qualifyingSpend,
        String nextTier,
        BigDecimal nextTierSpend,
        BigDecimal spendNeeded,
        long expiringPoints,
        OffsetDateTime expiringFirst,
        String nextReward,
        long pointsToNextReward) {

    static final int EXPIRING_DAYS = 30;

    static LoyaltyBox of(LoyaltySummary summary, LoyaltyProgram program, OffsetDateTime now) {
        OffsetDateTime horizon = now.plusDays(EXPIRING_DAYS);
        long expiring = 0;
        OffsetDateTime first = null;
        for (LoyaltySummary.Expiring e : summary.expiring()) {
            if (e.expiresAt() != null && !e.expiresAt().isAfter(horizon) && e.points() > 0) {
                expiring += e.points();
                first = first == null || e.expiresAt().isBefore(first) ? e.expiresAt() : first;
            }
        }
        LoyaltyProgram.Reward next = program.rewards().stream()
                .filter(r -> Boolean.TRUE.equals(r.active()) && r.points() != null && r.points() > summary.balance())
                .min(Comparator.comparingInt(LoyaltyProgram.Reward::points))
                .orElse(null);
        LoyaltySummary.NextTier nextTier = summary.nextTier();
        return new LoyaltyBox(
                summary.member(),
                summary.tier(),
                summary.balance(),
                summary.qualifyingSpend(),
                nextTier == null ? null : nextTier.name(),
                nextTier == null ? null : summary.qualifyingSpend().add(nextTier.spendNeeded()),
                nextTier == null ? null : nextTier.spendNeeded(),
                expiring,
                first,
                next == null ? null : next.name(),
                next == null ? 0 : next.points() - summary.balance());
    }

    public boolean owed() {
        return balance < 0;
    }

    /** The balance's size, shown after a minus sign when it is owed. */
    public long owedPoints() {
        return Math.abs(balance);
    }
}
