package app.pos.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

/** Who sees what of customers' contact details; changed by an ADMIN. */
public record PrivacySettings(
        @NotNull(message = "is required")
        @Schema(
                description = "true: cashiers see customers' full phone, email and address; false (the default): "
                        + "masked, as in •••-•••-0132 and a••@example.com, the address only in the delivery flow")
        Boolean cashiersSeeContactDetails) {}
