package app.pos.till;

import app.pos.order.OrderView;
import app.pos.shared.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * The cart as the till shows it, priced by the same code that prices orders. With a loyalty reward chosen, either its
 * name (its discount is in {@code discount}) or why this cart cannot have it (a message key).
 */
public record CartView(
        List<OrderView.Line> lines,
        BigDecimal subtotal,
        BigDecimal discount,
        BigDecimal tax,
        BigDecimal total,
        List<String> removed,
        String rewardName,
        String rewardProblem) {

    static CartView empty(List<String> removed) {
        return new CartView(List.of(), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, removed, null, null);
    }

    /** Whether a reward is chosen: applied ({@code rewardName}) or refused for this cart ({@code rewardProblem}). */
    public boolean hasReward() {
        return rewardName != null || rewardProblem != null;
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public int itemCount() {
        return lines.stream().mapToInt(OrderView.Line::quantity).sum();
    }
}
