package app.pos.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The consent wordings: any staff user reads the current ones, an ADMIN saves a new version. */
@RestController
@RequestMapping(path = "/api/v1/privacy/consent-wordings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Consents")
class ConsentWordingApiController {

    private final ConsentWordings wordings;

    ConsentWordingApiController(ConsentWordings wordings) {
        this.wordings = wordings;
    }

    record ConsentWordingList(List<ConsentWording> items) {}

    record NewConsentWording(
            @Schema(
                    description = "The text shown to the customer, at most 1000 characters",
                    example = "May we e-mail you our offers? You can unsubscribe at any time.",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String text) {}

    @GetMapping
    @Operation(operationId = "listConsentWordings", summary = "The current wording of each channel's consent question")
    @ApiResponse(responseCode = "200", description = "OK")
    ConsentWordingList current() {
        return new ConsentWordingList(List.copyOf(wordings.current().values()));
    }

    @PutMapping(path = "/{channel}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "saveConsentWording",
            summary = "Save a new version of a channel's wording (ADMIN)",
            description = "Every save of a different text adds a version; earlier versions stay as they were, "
                    + "since consent records name the version the customer saw. The same text as the current "
                    + "version adds none.")
    @ApiResponse(responseCode = "200", description = "The channel's current wording")
    @ApiResponse(responseCode = "403", description = "Only an ADMIN may change the wordings.")
    @ApiResponse(responseCode = "409", description = "Another save of the same channel happened at the same moment.")
    ConsentWording save(
            @Parameter(description = "EMAIL, SMS or LOYALTY") @PathVariable String channel,
            @RequestBody NewConsentWording body) {
        return wordings.save(ConsentInput.channel("channel", channel), body.text());
    }
}
