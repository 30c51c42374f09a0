package app.pos.till;

import app.pos.order.OrderType;
import app.pos.order.PaymentMethod;
import jakarta.validation.constraints.NotNull;

/**
 * The checkout form's fields, echoed back when the form is shown again with errors. {@code cashTendered} is text,
 * so that a mistyped amount is the cashier's error next to the field rather than a rejected request.
 */
public record CheckoutForm(
        @NotNull(message = "Choose dine-in, takeaway or delivery.")
        OrderType orderType,

        @NotNull(message = "Choose how the customer pays.") PaymentMethod paymentMethod,
        String deliveryAddress,
        String note,
        String cashTendered) {

    static CheckoutForm defaults(String customerAddress) {
        return new CheckoutForm(OrderType.TAKEAWAY, PaymentMethod.CARD, customerAddress, null, null);
    }
}
