package app.pos.order;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An order as receipts, pages and the API show it, with the customer snapshot it was sold under. */
public record OrderView(
        UUID id,
        long number,
        UUID customerId,
        String customerName,
        String customerNumber,
        String customerAddress,
        OrderType orderType,
        PaymentMethod paymentMethod,
        OrderStatus status,
        String deliveryAddress,
        String note,
        List<Line> items,
        BigDecimal subtotal,
        BigDecimal discount,
        BigDecimal tax,
        BigDecimal total,
        OffsetDateTime createdAt,
        OffsetDateTime voidedAt) {

    public record Line(UUID productId, String name, BigDecimal unitPrice, int quantity, BigDecimal lineTotal) {}

    OrderView withItems(List<Line> lines) {
        return new OrderView(
                id,
                number,
                customerId,
                customerName,
                customerNumber,
                customerAddress,
                orderType,
                paymentMethod,
                status,
                deliveryAddress,
                note,
                List.copyOf(lines),
                subtotal,
                discount,
                tax,
                total,
                createdAt,
                voidedAt);
    }
}
