package app.pos.audit;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of the audit log: when, which staff user ({@code system} for scheduled work), what, about which
 * customer (null for actions on many, such as an export), and a detail without personal data.
 */
public record AuditEntry(
        OffsetDateTime at,
        String staff,
        AuditAction action,
        @Schema(nullable = true) UUID customerId,
        @Schema(nullable = true) String detail) {}
