package app.pos.order;

/** A refund and whether it is a replay of one made earlier under the same idempotency key. */
public record PlacedRefund(RefundView refund, boolean replayed) {}
