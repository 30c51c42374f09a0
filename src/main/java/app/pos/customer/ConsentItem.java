package app.pos.customer;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;

/**
 * One consent decision: the current state of a channel, or one entry of its history. A channel nothing was
 * recorded for is {@link ConsentState#NOT_ASKED} with every other value null.
 *
 * @param wordingVersion the version of the channel's wording shown to the customer; null for an import
 * @param recordedBy the staff user who recorded it; null when no one was logged in
 */
public record ConsentItem(
        ConsentChannel channel,
        ConsentState state,

        @Schema(nullable = true, description = "null when NOT_ASKED")
        ConsentSource source,

        @Schema(nullable = true, description = "null when NOT_ASKED or imported")
        Integer wordingVersion,

        @Schema(nullable = true, description = "null when NOT_ASKED")
        OffsetDateTime recordedAt,

        @Schema(nullable = true, description = "null when NOT_ASKED or recorded without a staff user")
        String recordedBy) {

    static ConsentItem notAsked(ConsentChannel channel) {
        return new ConsentItem(channel, ConsentState.NOT_ASKED, null, null, null, null);
    }

    public boolean granted() {
        return state == ConsentState.GRANTED;
    }
}
