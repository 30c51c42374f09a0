package app.pos.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A customer as the API and pages show it; phone is E.164, email lower-case. For a CASHIER the contact details are
 * masked ({@link ContactMasking}) unless an ADMIN lets cashiers see them.
 */
public record CustomerView(
        UUID id,
        String name,

        @Schema(
                nullable = true,
                description = "E.164; for a CASHIER masked to the last 4 digits (`•••-•••-0132`) unless the "
                        + "privacy settings let cashiers see contact details")
        String phone,

        @Schema(
                nullable = true,
                description = "Lower-case; for a CASHIER masked (`a••@example.com`) unless the privacy "
                        + "settings let cashiers see contact details")
        String email,

        @Schema(
                nullable = true,
                description = "For a CASHIER `•••` unless the privacy settings let cashiers see contact "
                        + "details (the till's delivery flow shows it)")
        String address,

        @Schema(nullable = true) String notes,
        BigDecimal totalSpent,
        int visitCount,
        @Schema(nullable = true) OffsetDateTime lastVisitAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
