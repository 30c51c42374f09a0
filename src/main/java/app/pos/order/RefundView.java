package app.pos.order;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A refund as the API and receipts show it. {@code pointsReversed} is the loyalty points the refund took back
 * ({@link RefundPoints}); 0 for an order that earned none.
 */
@Schema(name = "Refund", description = "A refund of some of an order's units, with what it gave back")
public record RefundView(
        UUID id,
        UUID orderId,

        @Schema(description = "What the customer gets back, tax and discount included")
        BigDecimal amount,

        List<Line> lines,
        @Schema(nullable = true) String reason,

        @Schema(
                description = "Loyalty points the refund took back: the order keeps what it would have earned "
                        + "without all its refunded units; 0 for an order that earned none (walk-in, non-member)")
        int pointsReversed,

        OffsetDateTime createdAt,
        @Schema(description = "The staff user who refunded") String staff) {

    RefundView withPointsReversed(int points) {
        return new RefundView(id, orderId, amount, lines, reason, points, createdAt, staff);
    }

    @Schema(name = "RefundLine")
    public record Line(@Schema(nullable = true) UUID productId, String name, int quantity, BigDecimal amount) {}
}
