package app.pos.customer;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A customer as the API and pages show it; phone is E.164, email lower-case. */
public record CustomerView(
        UUID id,
        String name,
        String phone,
        String email,
        String address,
        String notes,
        BigDecimal totalSpent,
        int visitCount,
        OffsetDateTime lastVisitAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
