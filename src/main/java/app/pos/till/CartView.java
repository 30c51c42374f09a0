package app.pos.till;

import app.pos.order.OrderView;
import app.pos.shared.Money;
import java.math.BigDecimal;
import java.util.List;

/** The cart as the till shows it, priced by the same code that prices orders. */
public record CartView(
        List<OrderView.Line> lines,
        BigDecimal subtotal,
        BigDecimal discount,
        BigDecimal tax,
        BigDecimal total,
        List<String> removed) {

    static CartView empty(List<String> removed) {
        return new CartView(List.of(), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, removed);
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public int itemCount() {
        return lines.stream().mapToInt(OrderView.Line::quantity).sum();
    }
}
