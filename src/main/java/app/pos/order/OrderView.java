package app.pos.order;

import app.pos.shared.Money;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An order as receipts, pages and the API show it, with the customer snapshot it was sold under. {@code taxRate} is
 * the rate it was priced at and {@code cashTendered} what a cash customer handed over; both are null for orders
 * from before they were recorded (and the latter for any order without it).
 */
public record OrderView(
        UUID id,
        long number,
        @Schema(nullable = true) UUID customerId,
        @Schema(nullable = true) String customerName,

        @Schema(nullable = true, description = "The phone sold under; for a CASHIER masked (`•••-•••-0132`)")
        String customerNumber,

        @Schema(nullable = true, description = "The customer's address then; for a CASHIER `•••`")
        String customerAddress,

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
        BigDecimal taxRate,
        BigDecimal cashTendered,
        OffsetDateTime createdAt,
        @Schema(nullable = true) OffsetDateTime voidedAt,

        @Schema(description = "The order's refunds, oldest first")
        List<RefundView> refunds,

        @Schema(
                nullable = true,
                description = "Points earned and redeemed by the order and the balance after it; null when the order "
                        + "had no member customer or the program was off")
        Loyalty loyalty) {

    public OrderView {
        refunds = refunds == null ? List.of() : List.copyOf(refunds);
    }

    /** Without a loyalty section. */
    public OrderView(
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
            BigDecimal taxRate,
            BigDecimal cashTendered,
            OffsetDateTime createdAt,
            OffsetDateTime voidedAt,
            List<RefundView> refunds) {
        this(
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
                items,
                subtotal,
                discount,
                tax,
                total,
                taxRate,
                cashTendered,
                createdAt,
                voidedAt,
                refunds,
                null);
    }

    /**
     * What the order did to the customer's points when it was placed. {@code pointsRedeemed} is positive (what its
     * reward cost); {@code balanceAfter} and {@code tier} are the customer's after the order, null for orders from
     * before they were recorded.
     */
    @Schema(name = "OrderLoyalty")
    public record Loyalty(
            long pointsEarned,
            long pointsRedeemed,
            @Schema(nullable = true) Long balanceAfter,
            @Schema(nullable = true, example = "Silver") String tier) {}

    /** What the refunds gave back in all; the order's total minus this is what the customer kept paying. */
    @JsonProperty("refundedTotal")
    public BigDecimal refundedTotal() {
        return refunds.stream().map(RefundView::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    /** Units of the product not refunded yet (0 for a product the order did not sell). */
    public int refundableUnits(UUID productId) {
        int sold = items.stream()
                .filter(l -> productId.equals(l.productId()))
                .mapToInt(Line::quantity)
                .sum();
        int refunded = refunds.stream()
                .flatMap(r -> r.lines().stream())
                .filter(l -> productId.equals(l.productId()))
                .mapToInt(RefundView.Line::quantity)
                .sum();
        return sold - refunded;
    }

    /** The change handed back: cash tendered minus the total, or null without a tendered amount. */
    @JsonProperty("changeDue")
    public BigDecimal changeDue() {
        return cashTendered == null ? null : cashTendered.subtract(total);
    }

    @Schema(name = "OrderLine", description = "A line of a placed order, priced by the server")
    public record Line(
            @Schema(nullable = true, description = "null for a product no longer known (imported orders)")
            UUID productId,

            String name,
            BigDecimal unitPrice,
            int quantity,
            BigDecimal lineTotal) {}

    /** The same order with the customer's phone and address snapshot replaced (masked, for a cashier). */
    public OrderView withCustomerContact(String phone, String address) {
        return new OrderView(
                id,
                number,
                customerId,
                customerName,
                phone,
                address,
                orderType,
                paymentMethod,
                status,
                deliveryAddress,
                note,
                items,
                subtotal,
                discount,
                tax,
                total,
                taxRate,
                cashTendered,
                createdAt,
                voidedAt,
                refunds,
                loyalty);
    }

    OrderView withRefunds(List<RefundView> refunds) {
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
                items,
                subtotal,
                discount,
                tax,
                total,
                taxRate,
                cashTendered,
                createdAt,
                voidedAt,
                refunds,
                loyalty);
    }

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
                taxRate,
                cashTendered,
                createdAt,
                voidedAt,
                refunds,
                loyalty);
    }

    OrderView withLoyalty(Loyalty loyalty) {
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
                items,
                subtotal,
                discount,
                tax,
                total,
                taxRate,
                cashTendered,
                createdAt,
                voidedAt,
                refunds,
                loyalty);
    }
}
