package app.pos.order;

import app.pos.shared.PosException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * A refund that cannot be made: 409 when the order's state forbids it (voided, or fewer units left than asked),
 * 422 when the request itself cannot be a refund of this order (no lines, a product it did not sell, a quantity
 * below 1, a key used for another refund).
 */
public final class RefundRefused extends PosException {

    private RefundRefused(HttpStatus status, String title, String detail, Map<String, Object> extra) {
        super(status, title, detail, extra);
    }

    static RefundRefused voided(UUID orderId) {
        return new RefundRefused(
                HttpStatus.CONFLICT,
                "Order voided",
                "Order " + orderId + " is voided; it cannot be refunded.",
                Map.of());
    }

    static RefundRefused moreThanRemains(UUID productId, int asked, int remaining) {
        return new RefundRefused(
                HttpStatus.CONFLICT,
                "More than remains",
                "Only " + remaining + " of product " + productId + " remain to refund; " + asked + " were asked.",
                Map.of("productId", productId, "remaining", remaining));
    }

    static RefundRefused noLines() {
        return new RefundRefused(
                HttpStatus.UNPROCESSABLE_CONTENT, "Nothing to refund", "A refund needs at least one line.", Map.of());
    }

    static RefundRefused notSold(UUID productId) {
        return new RefundRefused(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Product not in the order",
                "The order has no line of product " + productId + ".",
                Map.of("productId", productId));
    }

    static RefundRefused badLine(int index, String message) {
        return new RefundRefused(
                HttpStatus.UNPROCESSABLE_CONTENT, "Invalid refund line", "lines[" + index + "]: " + message, Map.of());
    }

    static RefundRefused keyReused(UUID refundId) {
        return new RefundRefused(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Idempotency key reused",
                "This Idempotency-Key was already used for a different refund request; use a new key for a new refund.",
                Map.of("refundId", refundId));
    }
}
