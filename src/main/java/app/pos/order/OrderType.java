package app.pos.order;

public enum OrderType {
    DINE_IN,
    TAKEAWAY,
    DELIVERY
}
