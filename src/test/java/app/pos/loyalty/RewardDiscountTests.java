package app.pos.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pos.order.OrderPlaced;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class RewardDiscountTests {

    static final UUID COFFEE = UUID.randomUUID();
    static final List<OrderPlaced.Line> LINES = List.of(
            new OrderPlaced.Line(COFFEE, "Coffee", 2, new BigDecimal("3.35"), new BigDecimal("6.70")),
            new OrderPlaced.Line(UUID.randomUUID(), "Gift cards", 1, new BigDecimal("20.00"), new BigDecimal("20.00")));

    static LoyaltyProgram.Reward reward(BigDecimal amount, BigDecimal percent, UUID product) {
        return new LoyaltyProgram.Reward(UUID.randomUUID(), "Treat", 10, amount, percent, product, true);
    }

    @Test
    void anAmountIsCappedAtTheLinesNotExcluded() {
        assertThat(RewardDiscount.of(reward(new BigDecimal("5.00"), null, null), LINES, Set.of("Gift cards")))
                .isEqualTo(new BigDecimal("5.00"));
        assertThat(RewardDiscount.of(reward(new BigDecimal("50.00"), null, null), LINES, Set.of("Gift cards")))
                .isEqualTo(new BigDecimal("6.70"));
        assertThat(RewardDiscount.of(reward(new BigDecimal("50.00"), null, null), LINES, Set.of()))
                .isEqualTo(new BigDecimal("26.70"));
    }

    @Test
    void aPercentageIsOfTheLinesNotExcludedRoundedHalfUpToTheCent() {
        // 15% of 6.70 = 1.005
        assertThat(RewardDiscount.of(reward(null, new BigDecimal("15"), null), LINES, Set.of("Gift cards")))
                .isEqualTo(new BigDecimal("1.01"));
    }

    @Test
    void aFreeProductIsOneUnitOfAProductTheOrderContains() {
        assertThat(RewardDiscount.of(reward(null, null, COFFEE), LINES, Set.of("Gift cards")))
                .isEqualTo(new BigDecimal("3.35"));
        assertThatThrownBy(() -> RewardDiscount.of(reward(null, null, UUID.randomUUID()), LINES, Set.of()))
                .isInstanceOfSatisfying(RewardRefused.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(e.messageKey()).isEqualTo("reward.refused.freeProductMissing");
                });
    }

    @Test
    void aRewardForAnOrderOfExcludedLinesOnlyIsRefused() {
        assertThatThrownBy(() -> RewardDiscount.of(
                        reward(new BigDecimal("5.00"), null, null), LINES, Set.of("Gift cards", "Coffee")))
                .isInstanceOfSatisfying(
                        RewardRefused.class,
                        e -> assertThat(e.messageKey()).isEqualTo("reward.refused.nothingEligible"));
    }
}
