package app.pos.order;

public enum PaymentMethod {
    CASH,
    CARD,
    OTHER
}
