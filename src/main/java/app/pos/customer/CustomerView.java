package app.pos.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A customer as the API and pages show it; phone is E.164, email lower-case. */
public record CustomerView(
        UUID id,
        String name,
        @Schema(nullable = true) String phone,
        @Schema(nullable = true) String email,
        @Schema(nullable = true) String address,
        @Schema(nullable = true) String notes,
        BigDecimal totalSpent,
        int visitCount,
        @Schema(nullable = true) OffsetDateTime lastVisitAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
