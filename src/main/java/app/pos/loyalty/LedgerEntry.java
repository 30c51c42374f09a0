package app.pos.loyalty;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One change of a customer's points, as the entries list and the data export show it. A refund's REVERSAL names
 * its order and its refund.
 */
public record LedgerEntry(
        long id,
        EntryType type,
        long points,
        UUID orderId,
        String staff,
        String reason,
        OffsetDateTime createdAt,

        @Schema(nullable = true, description = "The refund whose REVERSAL this is; null for any other entry")
        UUID refundId) {}
