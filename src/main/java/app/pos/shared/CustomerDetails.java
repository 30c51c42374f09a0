package app.pos.shared;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * Contact details as typed by a cashier or sent by a client. The phone may be in any format the default
 * region reads; the service normalizes it to E.164 and rejects what is not a valid number. {@code notes} null
 * leaves a customer's notes as they are on update (an empty text clears them), so callers that know only the
 * contact values use the four-value constructor.
 */
public record CustomerDetails(
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
        String notes)
        implements Serializable {

    public CustomerDetails(String name, String phone, String email, String address) {
        this(name, phone, email, address, null);
    }
}
