package app.pos.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An order as receipts, pages and the API show it, with the customer snapshot it was sold under. */
public record OrderView(
        UUID id,
        long number,
        @Schema(nullable = true) UUID customerId,
        @Schema(nullable = true) String customerName,
        @Schema(nullable = true) String customerNumber,
        @Schema(nullable = true) String customerAddress,
        OrderType orderType,
        PaymentMethod paymentMethod,
        OrderStatus status,
        @Schema(nullable = true) String deliveryAddress,
        @Schema(nullable = true) String note,
        List<Line> items,
        BigDecimal subtotal,
        BigDecimal discount,
        BigDecimal tax,
        BigDecimal total,
        OffsetDateTime createdAt,
        @Schema(nullable = true) OffsetDateTime voidedAt) {

    @Schema(name = "OrderLine", description = "A line of a placed order, priced by the server")
    public record Line(
            @Schema(nullable = true, description = "null for a product no longer known (imported orders)")
            UUID productId,

            String name,
            BigDecimal unitPrice,
            int quantity,
            BigDecimal lineTotal) {}

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
