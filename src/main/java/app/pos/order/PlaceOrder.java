package app.pos.order;

import app.pos.shared.CustomerDetails;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * An order as the till or a client sends it. Prices are not part of it: the server prices from the catalog.
 * The customer is either an existing one ({@code customerId}), new or matched details ({@code customer}),
 * or nobody (a walk-in sale). {@code cashTendered}, optional and for cash only, is what the customer handed over:
 * at least the total; the receipt shows it with the change. {@code rewardId}, optional, redeems a loyalty reward of
 * the customer's ({@link OrderRewards}). Both are left out of the idempotency fingerprint when absent, so requests
 * from before they existed keep their fingerprint.
 */
public record PlaceOrder(
        @NotEmpty(message = "must contain at least one item") @Size(max = 100, message = "must have at most 100 lines")
        List<@NotNull(message = "must not be null") @Valid Line> items,

        UUID customerId,
        @Valid CustomerDetails customer,

        @NotNull(message = "is required (DINE_IN, TAKEAWAY or DELIVERY)")
        OrderType orderType,

        @NotNull(message = "is required (CASH, CARD or OTHER)")
        PaymentMethod paymentMethod,

        @Size(max = 500, message = "must be at most 500 characters")
        @Pattern(
                regexp = "^[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]*$",
                message = "must not contain control characters")
        String deliveryAddress,

        @Size(max = 500, message = "must be at most 500 characters")
        @Pattern(
                regexp = "^[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]*$",
                message = "must not contain control characters")
        String note,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @DecimalMin(value = "0.00", message = "must not be negative")
        @Digits(integer = 10, fraction = 2, message = "must be an amount with at most 2 decimals")
        BigDecimal cashTendered,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                nullable = true,
                description = "A loyalty reward to redeem: its points are deducted and it becomes the order's discount")
        UUID rewardId) {

    /** Without a reward. */
    public PlaceOrder(
            List<Line> items,
            UUID customerId,
            CustomerDetails customer,
            OrderType orderType,
            PaymentMethod paymentMethod,
            String deliveryAddress,
            String note,
            BigDecimal cashTendered) {
        this(items, customerId, customer, orderType, paymentMethod, deliveryAddress, note, cashTendered, null);
    }

    /** Without a cash amount tendered. */
    public PlaceOrder(
            List<Line> items,
            UUID customerId,
            CustomerDetails customer,
            OrderType orderType,
            PaymentMethod paymentMethod,
            String deliveryAddress,
            String note) {
        this(items, customerId, customer, orderType, paymentMethod, deliveryAddress, note, null, null);
    }

    @Schema(name = "PlaceOrderLine", description = "A product and how many of it; the server prices it")
    public record Line(
            @NotNull(message = "is required") UUID productId,

            @NotNull(message = "is required")
            @Min(value = 1, message = "must be at least 1")
            @Max(value = 999, message = "must be at most 999")
            Integer quantity) {}
}
