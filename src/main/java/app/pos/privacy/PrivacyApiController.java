package app.pos.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Privacy")
class PrivacyApiController {

    private static final String ADMIN_ONLY = "Only an ADMIN may do this.";

    private final Erasure erasure;
    private final Retention retention;

    PrivacyApiController(Erasure erasure, Retention retention) {
        this.erasure = erasure;
        this.retention = retention;
    }

    @PostMapping("/api/v1/customers/{id}/erasure")
    @Operation(
            operationId = "eraseCustomer",
            summary = "Erase a customer (GDPR Art. 17; ADMIN)",
            description = "The customer record goes, and their name, phone, e-mail, address and notes go from every "
                    + "table: their orders' snapshots and notes, merge records, uploaded import files. Order numbers, "
                    + "dates, lines, totals, tax and payment stay, so revenue and receipts by number do not change. "
                    + "Afterwards the id answers 410. The reason is kept in the audit log, so it must not hold the "
                    + "customer's name, phone or e-mail (400).")
    @ApiResponse(responseCode = "200", description = "Erased")
    @ApiResponse(responseCode = "403", description = ADMIN_ONLY)
    @ApiResponse(responseCode = "404", description = "No such customer.")
    @ApiResponse(responseCode = "410", description = "The customer was erased already.")
    Erasure.Result erase(@PathVariable UUID id, @Valid @RequestBody Erasure.Request body) {
        return erasure.erase(id, body.reason());
    }

    @GetMapping("/api/v1/privacy/retention")
    @Operation(operationId = "getRetentionPolicy", summary = "The retention policy and its last run (ADMIN)")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "403", description = ADMIN_ONLY)
    Retention.Policy policy() {
        return retention.policy();
    }

    @PutMapping("/api/v1/privacy/retention")
    @Operation(
            operationId = "updateRetentionPolicy",
            summary = "Change the retention policy (ADMIN)",
            description = "Customers with no visit and no change for inactiveMonths (1 to 1200) are erased by the "
                    + "daily run while enabled.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "403", description = ADMIN_ONLY)
    Retention.Policy update(@Valid @RequestBody Retention.Settings body) {
        return retention.update(body);
    }

    @GetMapping("/api/v1/privacy/retention/preview")
    @Operation(
            operationId = "previewRetention",
            summary = "Who a run today would erase (a dry run; ADMIN)",
            description = "How many, and up to 10 of them, longest inactive first, with the name masked to initials.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "403", description = ADMIN_ONLY)
    Retention.Preview preview() {
        return retention.preview();
    }

    @PostMapping("/api/v1/privacy/retention/run")
    @Operation(
            operationId = "runRetention",
            summary = "Run the retention policy now (ADMIN)",
            description = "Erases every customer the preview counts, in batches, whether the policy is enabled or not.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "403", description = ADMIN_ONLY)
    Retention.Outcome run() {
        return retention.run();
    }
}
