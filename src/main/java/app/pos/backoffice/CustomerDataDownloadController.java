package app.pos.backoffice;

import app.pos.customer.CustomerData;
import app.pos.customer.CustomerDataExport;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The profile's "Download data (JSON)": the same document as {@code GET /api/v1/customers/{id}/data-export}, for
 * the page session (the API takes HTTP Basic only).
 */
@Controller
class CustomerDataDownloadController {

    private final CustomerDataExport export;

    CustomerDataDownloadController(CustomerDataExport export) {
        this.export = export;
    }

    @GetMapping("/admin/customers/{id}/data-export")
    @ResponseBody
    ResponseEntity<CustomerData> download(@PathVariable UUID id, Principal staff) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, CustomerData.contentDisposition(id))
                .body(export.export(id, staff.getName()));
    }
}
