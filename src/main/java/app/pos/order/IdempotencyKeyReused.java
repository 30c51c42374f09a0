package app.pos.order;

import app.pos.shared.PosException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The Idempotency-Key already belongs to an order placed with a different request body. */
public final class IdempotencyKeyReused extends PosException {

    private IdempotencyKeyReused(UUID orderId) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Idempotency key reused",
                "This Idempotency-Key was already used for a different order request; use a new key for a new order.",
                Map.of("orderId", orderId));
    }

    public static IdempotencyKeyReused forOrder(UUID orderId) {
        return new IdempotencyKeyReused(orderId);
    }
}
