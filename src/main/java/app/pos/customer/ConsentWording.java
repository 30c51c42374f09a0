package app.pos.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * One version of the text shown to a customer when asking for a channel's consent. A version, once saved, never
 * changes: consent records name the version the customer saw.
 *
 * @param createdBy the ADMIN who saved it; null for the defaults the installation started with
 */
public record ConsentWording(
        ConsentChannel channel,
        int version,
        String text,
        OffsetDateTime createdAt,

        @Schema(nullable = true, description = "null for the installation's defaults")
        String createdBy) {}
