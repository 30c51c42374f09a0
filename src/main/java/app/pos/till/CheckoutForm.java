package app.pos.till;

import app.pos.order.OrderType;
import app.pos.order.PaymentMethod;

/** The checkout form's fields, echoed back when the form is shown again with errors. */
public record CheckoutForm(OrderType orderType, PaymentMethod paymentMethod, String deliveryAddress, String note) {

    static CheckoutForm defaults(String customerAddress) {
        return new CheckoutForm(OrderType.TAKEAWAY, PaymentMethod.CARD, customerAddress, null);
    }
}
