package app.pos.customer;

import app.pos.shared.CustomerDetails;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code PUT /api/v1/customers/{id}}: every detail and profile field; one left out or null is cleared.
 * The details are validated as {@link CustomerDetails} (by {@link ContactMasking#edit}), the profile fields as
 * {@link CustomerProfile#parse} does.
 */
@Schema(name = "CustomerReplacement")
record CustomerReplacement(
        @Schema(maxLength = 200) String name,
        @Schema(nullable = true, maxLength = 40) String phone,
        @Schema(nullable = true, maxLength = 254) String email,
        @Schema(nullable = true, maxLength = 500) String address,
        @Schema(nullable = true, maxLength = 1000) String notes,

        @Schema(nullable = true, description = "`--09-21` or `1990-09-21`", example = "--09-21")
        String birthday,

        @Schema(nullable = true, description = "YYYY-MM-DD, from 1900-01-01 to today")
        String anniversary,

        @Schema(nullable = true, description = "At most 20, each 1-40 characters")
        List<String> tags) {

    CustomerDetails details() {
        return new CustomerDetails(name, phone, email, address, notes == null ? "" : notes);
    }

    CustomerProfile profile(LocalDate today) {
        return CustomerProfile.parse(birthday, anniversary, tags, today);
    }
}
