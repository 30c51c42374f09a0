package app.pos.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random orders refunded in random partial steps give back exactly their total, to the cent. The generator is
 * seeded; the seed is printed (and named in a failure) so a failing run can be replayed with -Drefund.seed=.
 */
class RefundAllocationTests {

    private static final long SEED = Long.getLong("refund.seed", System.nanoTime());

    @Test
    void everySequenceOfPartialRefundsAddsUpToTheTotalToTheCent() {
        System.out.println("RefundAllocationTests seed: " + SEED);
        Random random = new Random(SEED);
        for (int order = 0; order < 2_000; order++) {
            int lines = 1 + random.nextInt(6);
            List<BigDecimal> lineTotals = new ArrayList<>();
            List<Integer> quantities = new ArrayList<>();
            BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
            for (int i = 0; i < lines; i++) {
                int quantity = 1 + random.nextInt(7);
                BigDecimal unit = BigDecimal.valueOf(random.nextInt(3_000), 2); // free items too
                quantities.add(quantity);
                lineTotals.add(unit.multiply(BigDecimal.valueOf(quantity)));
                subtotal = subtotal.add(lineTotals.get(i));
            }
            BigDecimal discount = random.nextInt(3) == 0
                    ? subtotal.multiply(BigDecimal.valueOf(random.nextInt(50), 2))
                            .setScale(2, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO.setScale(2);
            BigDecimal taxable = subtotal.subtract(discount);
            BigDecimal total =
                    taxable.add(taxable.multiply(new BigDecimal("0.0825")).setScale(2, RoundingMode.HALF_UP));

            List<BigDecimal> shares = RefundAllocation.lineShares(total, lineTotals);
            String what = "seed " + SEED + ", order " + order + ": total " + total + ", lines " + lineTotals;
            assertThat(shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as(what)
                    .isEqualTo(total);
            assertThat(shares).as(what).allMatch(s -> s.signum() >= 0 && s.scale() == 2);

            int[] refunded = new int[lines];
            BigDecimal givenBack = BigDecimal.ZERO.setScale(2);
            int left = quantities.stream().mapToInt(Integer::intValue).sum();
            while (left > 0) {
                int line = random.nextInt(lines);
                int remaining = quantities.get(line) - refunded[line];
                if (remaining == 0) {
                    continue;
                }
                int quantity = 1 + random.nextInt(remaining);
                BigDecimal amount =
                        RefundAllocation.units(shares.get(line), quantities.get(line), refunded[line], quantity);
                assertThat(amount.signum()).as(what).isGreaterThanOrEqualTo(0);
                givenBack = givenBack.add(amount);
                assertThat(givenBack).as(what).isLessThanOrEqualTo(total);
                refunded[line] += quantity;
                left -= quantity;
            }
            assertThat(givenBack).as(what).isEqualTo(total);
        }
    }

    @Test
    void aThirdOfAnOddCentIsRoundedAndTheLastRefundTakesTheRest() {
        // 10.00 over 3 units: 3.33, then 3.34 (6.67 - 3.33), then 3.33 (10.00 - 6.67)
        BigDecimal share = new BigDecimal("10.00");
        assertThat(RefundAllocation.units(share, 3, 0, 1)).isEqualByComparingTo("3.33");
        assertThat(RefundAllocation.units(share, 3, 1, 1)).isEqualByComparingTo("3.34");
        assertThat(RefundAllocation.units(share, 3, 2, 1)).isEqualByComparingTo("3.33");
        assertThat(RefundAllocation.lineShares(
                        new BigDecimal("12.69"), List.of(new BigDecimal("8.40"), new BigDecimal("3.35"))))
                .containsExactly(new BigDecimal("9.07"), new BigDecimal("3.62"));
    }

    @Test
    void moreUnitsThanRemainAreRefused() {
        assertThatThrownBy(() -> RefundAllocation.units(BigDecimal.TEN, 2, 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
