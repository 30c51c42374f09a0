package app.pos.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who sees customers' contact details (GET: staff; PUT: ADMIN, see the security configuration). */
@RestController
@RequestMapping(path = "/api/v1/privacy/settings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Privacy")
class PrivacySettingsApiController {

    private final ContactMasking masking;

    PrivacySettingsApiController(ContactMasking masking) {
        this.masking = masking;
    }

    @GetMapping
    @Operation(operationId = "getPrivacySettings", summary = "Whether cashiers see customers' full contact details")
    PrivacySettings get() {
        return masking.settings();
    }

    @PutMapping
    @Operation(operationId = "changePrivacySettings", summary = "Change the privacy settings (ADMIN)")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "403", description = "Only an ADMIN may change the privacy settings.")
    PrivacySettings change(@Valid @RequestBody PrivacySettings body) {
        return masking.change(body);
    }
}
