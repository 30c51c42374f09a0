package app.pos.order;

import java.util.UUID;

/** An order is sold (COMPLETED) or taken back (VOIDED); only a completed order can be voided. */
public enum OrderStatus {
    COMPLETED,
    VOIDED;

    OrderStatus voided(UUID orderId) {
        if (this != COMPLETED) {
            throw OrderAlreadyVoided.of(orderId);
        }
        return VOIDED;
    }
}
