package app.pos.order;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A completed order was voided (published in the void's transaction, after the order row is marked voided).
 * {@code total} is what the order had added to the customer's spend.
 */
public record OrderVoided(UUID orderId, UUID customerId, BigDecimal total, OffsetDateTime voidedAt, String staff) {}
