package app.pos.order;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Some of an order's units were refunded (published in the refund's transaction, after the refund is stored).
 * {@code amount} is what the customer got back, the sum of the lines' amounts; the order's visit stands.
 */
public record OrderRefunded(
        UUID orderId,
        UUID refundId,
        UUID customerId,
        BigDecimal amount,
        List<Line> lines,
        OffsetDateTime refundedAt,
        String staff) {

    public OrderRefunded {
        lines = List.copyOf(lines);
    }

    /**
     * A refunded order line ({@code lineNo}, from 1 in the order's line order), its product, how many of its units,
     * how many of its units earlier refunds took ({@code refundedBefore}) and what these units gave back.
     */
    public record Line(int lineNo, UUID productId, int quantity, int refundedBefore, BigDecimal amount) {}
}
