package app.pos.order;

import app.pos.catalog.ProductView;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An order was placed (published in the order's transaction). {@code customerId} is null for a walk-in sale.
 * The lines carry product and category, so that listeners (loyalty, analytics) need not ask the catalog; they are
 * in the order's line order, the first being line 1 as {@link OrderRefunded.Line#lineNo()} numbers them.
 */
public record OrderPlaced(
        UUID orderId,
        UUID customerId,
        BigDecimal subtotal,
        BigDecimal discount,
        BigDecimal tax,
        BigDecimal total,
        List<Line> lines,
        OrderType orderType,
        PaymentMethod paymentMethod,
        OffsetDateTime placedAt,
        String staff) {

    public OrderPlaced {
        lines = List.copyOf(lines);
    }

    static OrderPlaced of(OrderView order, Map<UUID, ProductView> catalog, String staff) {
        List<OrderPlaced.Line> lines = order.items().stream()
                .map(l -> new Line(
                        l.productId(),
                        catalog.get(l.productId()).category(),
                        l.quantity(),
                        l.unitPrice(),
                        l.lineTotal()))
                .toList();
        return new OrderPlaced(
                order.id(),
                order.customerId(),
                order.subtotal(),
                order.discount(),
                order.tax(),
                order.total(),
                lines,
                order.orderType(),
                order.paymentMethod(),
                order.createdAt(),
                staff);
    }

    public record Line(UUID productId, String category, int quantity, BigDecimal unitPrice, BigDecimal lineTotal) {}
}
