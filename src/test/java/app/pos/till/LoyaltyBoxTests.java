package app.pos.till;

import static org.assertj.core.api.Assertions.assertThat;

import app.pos.loyalty.LoyaltyProgram;
import app.pos.loyalty.LoyaltySummary;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoyaltyBoxTests {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-12-03T10:00:00Z");

    static LoyaltyProgram program(LoyaltyProgram.Reward... rewards) {
        return new LoyaltyProgram(true, BigDecimal.ONE, "BEFORE_TAX", List.of(), 12, true, List.of(), List.of(rewards));
    }

    static LoyaltyProgram.Reward reward(String name, int points, boolean active) {
        return new LoyaltyProgram.Reward(null, name, points, BigDecimal.ONE, null, null, active);
    }

    static LoyaltySummary summary(long balance, List<LoyaltySummary.Expiring> expiring) {
        return new LoyaltySummary(true, balance, 100, "Silver", new BigDecimal("300.00"), null, expiring);
    }

    @Test
    void pointsExpiringWithinThirtyDaysAreSummedWithTheFirstDate() {
        LoyaltyBox box = LoyaltyBox.of(
                summary(
                        100,
                        List.of(
                                new LoyaltySummary.Expiring(10, NOW.plusDays(20)),
                                new LoyaltySummary.Expiring(5, NOW.plusDays(3)),
                                new LoyaltySummary.Expiring(7, NOW.plusDays(31)))),
                program(),
                NOW);

        assertThat(box.expiringPoints()).isEqualTo(15);
        assertThat(box.expiringFirst()).isEqualTo(NOW.plusDays(3));
        assertThat(box.nextTier()).isNull();
    }

    @Test
    void theNextRewardIsTheCheapestActiveOneTheBalanceDoesNotReach() {
        LoyaltyProgram program = program(
                reward("a hamper", 500, true),
                reward("a coffee", 112, true),
                reward("a retired mug", 101, false),
                reward("a sticker", 50, true));

        LoyaltyBox box = LoyaltyBox.of(summary(100, List.of()), program, NOW);
        assertThat(box.nextReward()).isEqualTo("a coffee");
        assertThat(box.pointsToNextReward()).isEqualTo(12);

        LoyaltyBox rich = LoyaltyBox.of(summary(600, List.of()), program, NOW);
        assertThat(rich.nextReward()).isNull();

        LoyaltyBox owes = LoyaltyBox.of(summary(-40, List.of()), program, NOW);
        assertThat(owes.nextReward()).isEqualTo("a sticker");
        assertThat(owes.pointsToNextReward()).isEqualTo(90);
        assertThat(owes.owed()).isTrue();
        assertThat(owes.owedPoints()).isEqualTo(40);
    }
}
