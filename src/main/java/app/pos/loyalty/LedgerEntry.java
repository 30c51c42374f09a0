package app.pos.loyalty;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One change of a customer's points, as the entries list and the data export show it. */
public record LedgerEntry(
        long id, EntryType type, long points, UUID orderId, String staff, String reason, OffsetDateTime createdAt) {}
