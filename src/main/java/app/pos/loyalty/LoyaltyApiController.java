package app.pos.loyalty;

import app.pos.customer.ConsentInput;
import app.pos.customer.ConsentSource;
import app.pos.shared.InvalidInput;
import app.pos.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Loyalty")
class LoyaltyApiController {

    private final LoyaltyPrograms programs;
    private final LoyaltyAccounts accounts;
    private final LoyaltyReport report;

    LoyaltyApiController(LoyaltyPrograms programs, LoyaltyAccounts accounts, LoyaltyReport report) {
        this.programs = programs;
        this.accounts = accounts;
        this.report = report;
    }

    record Enrolment(
            @Schema(description = "API (the default) or TILL", example = "TILL")
            String source) {}

    record Adjustment(
            @Schema(description = "Signed points, not 0", example = "-20", requiredMode = Schema.RequiredMode.REQUIRED)
            Long points,

            @Schema(
                    description = "Why; required",
                    example = "Points lost in the old system",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            String reason) {}

    @GetMapping(path = "/api/v1/loyalty/program", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getLoyaltyProgram", summary = "The shop's loyalty program")
    @ApiResponse(responseCode = "200", description = "OK")
    LoyaltyProgram program() {
        return programs.current();
    }

    @PutMapping(
            path = "/api/v1/loyalty/program",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "updateLoyaltyProgram",
            summary = "Replace the loyalty program (ADMIN)",
            description = "Fields left out take their defaults. 400 naming the field for negative points or "
                    + "multipliers, tiers not in ascending order of qualifying spend, a reward without exactly one of "
                    + "discountAmount, discountPercent and freeProductId, an unknown product or category.")
    @ApiResponse(responseCode = "200", description = "The program as stored")
    @ApiResponse(responseCode = "403", description = "Only an ADMIN may change the program.")
    LoyaltyProgram update(@RequestBody LoyaltyProgram body, Principal principal) {
        return programs.update(body, principal.getName());
    }

    @GetMapping(path = "/api/v1/loyalty/report", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "getLoyaltyReport",
            summary = "The program's liability and members per tier (MANAGER or ADMIN)",
            description = "outstandingPoints is the sum of the positive balances; pointValue the best discountAmount "
                    + "per point among the active rewards (null when none has a cash value), liability their "
                    + "product. membersPerTier counts customers whose LOYALTY consent is granted, by the tier they "
                    + "hold; a member without a tier is counted in the lowest.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "403", description = "Only a MANAGER or ADMIN may see the report.")
    LoyaltyLiability report() {
        return report.liability();
    }

    @GetMapping(path = "/api/v1/customers/{id}/loyalty", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getCustomerLoyalty", summary = "A customer's membership, balance, tier and progress")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    LoyaltySummary summary(@PathVariable UUID id) {
        return accounts.summary(id);
    }

    @GetMapping(path = "/api/v1/customers/{id}/loyalty/entries", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listCustomerLoyaltyEntries", summary = "A customer's points ledger, newest first")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    PageResult<LedgerEntry> entries(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(defaultValue = "20")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 100, message = "must be at most 100")
                    int size) {
        return accounts.entries(id, page, size);
    }

    @PostMapping(path = "/api/v1/customers/{id}/loyalty/enrolment", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "enrolCustomerInLoyalty",
            summary = "Make a customer a member",
            description = "Grants the customer's LOYALTY consent with the current wording (source API, or TILL "
                    + "when the till asked); enrolling a member again changes nothing. The body is optional.")
    @ApiResponse(responseCode = "200", description = "The customer's loyalty summary")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    LoyaltySummary enrol(@PathVariable UUID id, @RequestBody(required = false) Enrolment body) {
        ConsentSource source = ConsentInput.source("source", body == null ? null : body.source(), ConsentSource.API);
        if (source != ConsentSource.API && source != ConsentSource.TILL) {
            throw InvalidInput.field("source", "must be API or TILL");
        }
        return accounts.enrol(id, source);
    }

    @PostMapping(
            path = "/api/v1/customers/{id}/loyalty/adjustments",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            operationId = "adjustCustomerLoyaltyPoints",
            summary = "Correct a customer's points by hand (MANAGER or ADMIN)",
            description = "An ADJUSTMENT entry with the staff user and reason; it may take the balance below zero. "
                    + "400 for 0 points, more than 1000000 either way, or no reason.")
    @ApiResponse(responseCode = "201", description = "The entry")
    @ApiResponse(responseCode = "403", description = "Only a MANAGER or ADMIN may adjust points.")
    @ApiResponse(responseCode = "404", description = "No such customer.")
    LedgerEntry adjust(@PathVariable UUID id, @RequestBody Adjustment body, Principal principal) {
        return accounts.adjust(id, body.points(), body.reason(), principal.getName());
    }
}
