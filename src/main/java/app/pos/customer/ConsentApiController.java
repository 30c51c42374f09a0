package app.pos.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A customer's consents: the current state per channel, recording a decision, and the history. Any staff user. */
@RestController
@RequestMapping(path = "/api/v1/customers/{id}/consents", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Consents")
class ConsentApiController {

    private final Consents consents;

    ConsentApiController(Consents consents) {
        this.consents = consents;
    }

    record ConsentItems(List<ConsentItem> items) {}

    /** A decision to record; the source defaults to API. */
    record ConsentChange(
            @Schema(
                    description = "GRANTED or WITHDRAWN",
                    example = "GRANTED",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String state,

            @Schema(description = "TILL, BACK_OFFICE, IMPORT, API (the default) or UNSUBSCRIBE_LINK", example = "API")
            String source) {}

    @GetMapping
    @Operation(
            operationId = "getCustomerConsents",
            summary = "A customer's current consent, one item per channel",
            description = "Channels EMAIL, SMS and LOYALTY, in that order; a channel nothing was recorded for is "
                    + "NOT_ASKED with null source, wordingVersion, recordedAt and recordedBy.")
    @ApiResponse(responseCode = "200", description = "OK")
    ConsentItems current(@PathVariable UUID id) {
        return new ConsentItems(consents.current(id));
    }

    @PutMapping(path = "/{channel}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "recordCustomerConsent",
            summary = "Grant or withdraw a channel's consent",
            description = "Records the decision with the channel's current wording version and the staff user, "
                    + "appending it to the history, and answers the channel's new current item. Recording the "
                    + "state the channel already has changes nothing and answers the current item. 400 for an "
                    + "unknown channel, state or source, or NOT_ASKED.")
    @ApiResponse(responseCode = "200", description = "The channel's current item")
    ConsentItem record(
            @PathVariable UUID id,
            @Parameter(description = "EMAIL, SMS or LOYALTY") @PathVariable String channel,
            @RequestBody ConsentChange body) {
        ConsentChannel parsed = ConsentInput.channel("channel", channel);
        ConsentState state = ConsentInput.state("state", body.state());
        ConsentSource source = ConsentInput.source("source", body.source(), ConsentSource.API);
        return consents.record(id, parsed, state, source);
    }

    @GetMapping("/history")
    @Operation(
            operationId = "getCustomerConsentHistory",
            summary = "Every consent decision recorded for a customer, newest first")
    @ApiResponse(responseCode = "200", description = "OK")
    ConsentItems history(@PathVariable UUID id) {
        return new ConsentItems(consents.history(id));
    }
}
