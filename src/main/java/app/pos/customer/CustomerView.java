package app.pos.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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
        OffsetDateTime updatedAt,

        @Schema(
                nullable = true,
                description = "Month and day, with the year if known: `--09-21` or `1990-09-21`",
                example = "--09-21")
        String birthday,

        @Schema(nullable = true, description = "A date the shop cares about, e.g. a wedding")
        LocalDate anniversary,

        @Schema(
                nullable = true,
                description = "Sorted ignoring case; given on one customer's responses (create, read, update), "
                        + "null in lists and searches")
        List<String> tags) {

    /** This customer with the tags read apart from the row. */
    CustomerView withTags(List<String> tags) {
        return new CustomerView(
                id,
                name,
                phone,
                email,
                address,
                notes,
                totalSpent,
                visitCount,
                lastVisitAt,
                createdAt,
                updatedAt,
                birthday,
                anniversary,
                tags);
    }

    /** The profile fields as stored. */
    CustomerProfile profile() {
        return new CustomerProfile(
                birthday == null ? null : Birthday.parse(birthday, LocalDate.MAX), anniversary, tags);
    }
}
