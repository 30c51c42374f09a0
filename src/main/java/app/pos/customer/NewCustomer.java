package app.pos.customer;

import app.pos.shared.CustomerDetails;
import app.pos.shared.ValidName;
import app.pos.shared.ValidPhone;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/customers}: the contact details, validated as {@link CustomerDetails} is (the
 * same constraints, so the same field names in problems), and the consents to record with source API.
 */
record NewCustomer(
        @ValidName(max = 200) String name,

        @Size(max = 40, message = "must be at most 40 characters") @ValidPhone
        String phone,

        @Size(max = 254, message = "must be at most 254 characters")
        @Email(regexp = "(|[^@\\s]+@[^@\\s]+\\.[^@\\s]+)", message = "must be a valid email address")
        String email,

        @Size(max = 500, message = "must be at most 500 characters")
        @Pattern(
                regexp = "^[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]*$",
                message = "must not contain control characters")
        String address,

        @Size(max = 1000, message = "must be at most 1000 characters")
        @Pattern(
                regexp = "^[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]*$",
                message = "must not contain control characters")
        String notes,

        @Schema(
                description = "Optional consents to record with the customer (source API), channel (EMAIL, SMS, "
                        + "LOYALTY) to state (GRANTED or WITHDRAWN), e.g. {\"EMAIL\": \"GRANTED\"}. An invalid "
                        + "entry is a 400 and creates no customer.",
                example = "{\"EMAIL\": \"GRANTED\", \"SMS\": \"WITHDRAWN\"}")
        Map<String, String> consents,

        @Schema(
                nullable = true,
                description = "Month and day, year optional: `--09-21` or `1990-09-21`; a year from 1900, not in "
                        + "the future",
                example = "--09-21")
        String birthday,

        @Schema(nullable = true, description = "YYYY-MM-DD, from 1900-01-01 to today", example = "2015-06-20")
        String anniversary,

        @Schema(
                nullable = true,
                description = "At most 20, each 1-40 characters without control characters; stored once whatever "
                        + "the case (the first spelling kept), returned sorted ignoring case")
        List<String> tags) {

    CustomerProfile profile(LocalDate today) {
        return CustomerProfile.parse(birthday, anniversary, tags, today);
    }

    CustomerDetails details() {
        return new CustomerDetails(name, phone, email, address, notes);
    }
}
