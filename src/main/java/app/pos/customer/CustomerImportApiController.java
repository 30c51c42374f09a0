package app.pos.customer;

import app.pos.shared.RequestTooLarge;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The import page's import for scripts: the same file rules, presets, checks and outcome. */
@RestController
@Tag(name = "Customers")
class CustomerImportApiController {

    private static final TypeReference<Map<String, List<String>>> MAPPING = new TypeReference<>() {};

    private final CustomerImport importer;
    private final ObjectMapper json;

    CustomerImportApiController(CustomerImport importer, ObjectMapper json) {
        this.importer = importer;
        this.json = json;
    }

    /** A rejected row: its row number in the file as a spreadsheet shows it (the header is row 1). */
    record Rejected(int row, String name, String reason) {}

    record ImportResponse(String preset, int rows, int imported, int updated, int unchanged, List<Rejected> rejected) {}

    @PostMapping(
            path = RequestTooLarge.CSV_IMPORT,
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "importCustomers",
            summary = "Import customers from a CSV file",
            description = "MANAGER and ADMIN. The same rules as the import page: Square and Shopify customer "
                    + "exports are recognised by their header (preset auto), rows carrying the other system's "
                    + "customer id are matched on it (importing a file again creates nothing and only fills "
                    + "empty fields), others by phone and email. With dryRun=true nothing is written and the counts "
                    + "say what importing would do. 400 when the file is not CSV, not UTF-8 or has no header "
                    + "the preset recognises.")
    ImportResponse importFile(
            @RequestPart("file") MultipartFile file,
            @Parameter(description = "auto (default), square, shopify or generic") @RequestParam(defaultValue = "auto")
                    String preset,
            @Parameter(
                            description = "With preset=generic: a JSON object from field (name, phone, email, "
                                    + "address, notes, externalId) to the list of column headers it joins, e.g. "
                                    + "{\"name\":[\"First Name\",\"Last Name\"],\"phone\":[\"Mobile\"]}; "
                                    + "without it the columns are guessed from the header")
                    @RequestParam(required = false)
                    String mapping,
            @RequestParam(defaultValue = "false") boolean dryRun)
            throws IOException {
        ImportFile read = ImportFile.read(file.getBytes());
        ImportMapping chosen = CustomerImport.mapping(read, preset, chosen(preset, mapping));
        CustomerImport.Result result = importer.run(read, chosen, dryRun);
        CustomerImport.Report report = result.report();
        return new ImportResponse(
                chosen.preset(),
                read.rows(),
                report.created(),
                report.updated(),
                report.unchanged(),
                result.checked().rejected().stream()
                        .map(r -> new Rejected(r.line(), r.details().name(), r.rejection()))
                        .toList());
    }

    private Map<String, List<String>> chosen(String preset, String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return null;
        }
        if (!ImportMapping.GENERIC.equalsIgnoreCase(preset.strip())) {
            throw ImportFileProblem.badMapping("is only for preset=generic");
        }
        try {
            return json.readValue(mapping, MAPPING);
        } catch (JacksonException e) {
            throw ImportFileProblem.badMapping(
                    "must be a JSON object from field to a list of column headers, e.g. {\"name\":[\"First Name\",\"Last Name\"]}");
        }
    }
}
