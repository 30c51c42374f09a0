package app.pos.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers")
class CustomerDataExportApiController {

    private final CustomerDataExport export;

    CustomerDataExportApiController(CustomerDataExport export) {
        this.export = export;
    }

    @GetMapping(path = "/api/v1/customers/{id}/data-export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "exportCustomerData",
            summary = "Everything the POS holds about a customer (MANAGER and ADMIN)",
            description = "The customer's data export (GDPR Art. 15 access, Art. 20 portability): the record with "
                    + "notes, external ids and imported consent, the consent history, every order with its lines, "
                    + "the addresses used, the merges, and the audit log's entries about them. The export is "
                    + "recorded in the audit log (`DATA_EXPORTED`) and lists that entry itself.")
    @ApiResponse(
            responseCode = "200",
            description = "The document, as an attachment named `customer-<id>.json`",
            headers =
                    @Header(
                            name = HttpHeaders.CONTENT_DISPOSITION,
                            description = "`attachment; filename=\"customer-<id>.json\"`",
                            schema = @Schema(type = "string")),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = CustomerData.class)))
    @ApiResponse(responseCode = "403", description = "Only a MANAGER or ADMIN may export a customer's data.")
    ResponseEntity<CustomerData> export(@PathVariable UUID id, Principal staff) {
        return attachment(export.export(id, staff.getName()));
    }

    /** The document as a download named for the customer's id. */
    private static ResponseEntity<CustomerData> attachment(CustomerData data) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        CustomerData.contentDisposition(data.header().customerId()))
                .body(data);
    }
}
