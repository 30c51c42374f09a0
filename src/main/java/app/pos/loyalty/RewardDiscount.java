package app.pos.loyalty;

import app.pos.order.OrderPlaced;
import app.pos.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The discount a reward gives on an order's lines: a fixed amount, a percentage of the eligible lines, or the price
 * of one unit of a product the order contains; never more than the subtotal of the eligible lines (those not in an
 * excluded category).
 */
final class RewardDiscount {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private RewardDiscount() {}

    static BigDecimal of(LoyaltyProgram.Reward reward, List<OrderPlaced.Line> lines, Set<String> excluded) {
        BigDecimal eligible = lines.stream()
                .filter(line -> !excluded.contains(line.category()))
                .map(OrderPlaced.Line::lineTotal)
                .reduce(Money.ZERO, BigDecimal::add);
        BigDecimal discount;
        if (reward.discountAmount() != null) {
            discount = reward.discountAmount();
        } else if (reward.discountPercent() != null) {
            discount = eligible.multiply(reward.discountPercent()).divide(HUNDRED);
        } else {
            discount = lines.stream()
                    .filter(line -> reward.freeProductId().equals(line.productId()))
                    .map(OrderPlaced.Line::unitPrice)
                    .findFirst()
                    .orElseThrow(() -> RewardRefused.freeProductMissing(reward.name()));
        }
        BigDecimal capped = Money.of(discount.min(eligible));
        if (capped.signum() <= 0) {
            throw RewardRefused.nothingEligible(reward.name());
        }
        return capped;
    }
}
