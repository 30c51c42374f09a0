package app.pos.backoffice;

import app.pos.customer.CsvReader;
import app.pos.customer.CustomerImport;
import app.pos.customer.ImportFile;
import app.pos.customer.ImportFileProblem;
import app.pos.customer.ImportMapping;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CSV import: upload (Square and Shopify exports recognised) → preview with column mapping → check every row →
 * import the valid ones; report of rejects. The file waits in {@link ImportUploads}, the session holds its id.
 */
@Controller
class ImportController {

    private static final String PAGE = "backoffice/import";
    private static final String REDIRECT = "redirect:/admin/customers/import";

    private final CustomerImport importer;
    private final ImportUploads uploads;
    private final ImportSession session;
    private final MessageSourceAccessor messages;

    ImportController(
            CustomerImport importer, ImportUploads uploads, ImportSession session, MessageSource messageSource) {
        this.importer = importer;
        this.uploads = uploads;
        this.session = session;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @GetMapping("/admin/customers/import")
    String form(Principal staff, Model model) {
        return page(model, current(staff), null);
    }

    @PostMapping("/admin/customers/import")
    String upload(@RequestParam("file") MultipartFile file, Principal staff, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("uploadError", messages.getMessage("import.noFile"));
            return page(model, Optional.empty(), null);
        }
        ImportFile read;
        try {
            read = ImportFile.read(file.getBytes());
        } catch (ImportFileProblem problem) {
            model.addAttribute(
                    "uploadError",
                    messages.getMessage(problem.reason().messageKey(), new Object[] {CustomerImport.MAX_ROWS}));
            return page(model, Optional.empty(), null);
        }
        if (session.uploadId() != null) {
            uploads.delete(session.uploadId());
        }
        ImportMapping mapping = CustomerImport.guessMapping(read.header());
        session.uploadId(uploads.save(staff.getName(), new String(file.getBytes(), StandardCharsets.UTF_8), mapping));
        return page(model, current(staff), read);
    }

    @PostMapping("/admin/customers/import/check")
    String check(
            @RequestParam MultiValueMap<String, String> params,
            Principal staff,
            Model model,
            RedirectAttributes redirect) {
        Optional<ImportUploads.Upload> upload = current(staff).filter(u -> u.content() != null);
        if (upload.isEmpty()) {
            redirect.addFlashAttribute("problem", messages.getMessage("import.notChecked"));
            return REDIRECT;
        }
        Map<String, List<Integer>> chosen = new LinkedHashMap<>();
        for (String field : ImportMapping.FIELDS) {
            List<Integer> columns = new ArrayList<>();
            for (String column : params.getOrDefault("map_" + field, List.of())) {
                if (column != null && column.matches("\\d{1,4}")) {
                    columns.add(Integer.valueOf(column));
                }
            }
            chosen.put(field, columns);
        }
        ImportMapping mapping = upload.get().mapping().with(chosen);
        ImportFile file = file(upload.get());
        if (!mapping.has("name")) {
            model.addAttribute("mappingError", messages.getMessage("import.nameColumn"));
            return page(model, upload.map(u -> withMapping(u, mapping)), file);
        }
        uploads.checked(upload.get().id(), mapping, importer.check(file, mapping));
        return page(model, current(staff), file);
    }

    @PostMapping("/admin/customers/import/run")
    String run(Principal staff, RedirectAttributes redirect) {
        Optional<ImportUploads.Upload> upload =
                current(staff).filter(u -> u.checked() && !u.imported() && u.content() != null);
        if (upload.isEmpty()) {
            redirect.addFlashAttribute("problem", messages.getMessage("import.notChecked"));
            return REDIRECT;
        }
        // Checks again right before importing: the file was checked a while ago.
        CustomerImport.Result result =
                importer.run(file(upload.get()), upload.get().mapping(), false);
        uploads.imported(upload.get().id(), result);
        CustomerImport.Report report = result.report();
        redirect.addFlashAttribute(
                "message",
                messages.getMessage("import.imported", new Object[] {report.created(), report.rejected()}) + " "
                        + messages.getMessage("import.completed", new Object[] {report.updated(), report.unchanged()}));
        redirect.addFlashAttribute("imported", report.created());
        redirect.addFlashAttribute("updated", report.updated());
        redirect.addFlashAttribute("unchanged", report.unchanged());
        return REDIRECT;
    }

    @GetMapping("/admin/customers/import/report.csv")
    void report(Principal staff, HttpServletResponse response) throws IOException {
        String report = current(staff).map(ImportUploads.Upload::report).orElse(null);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-report.csv\"");
        String body = "\uFEFF"
                + (report != null ? report : Csv.row(List.of("line", "name", "phone", "email", "address", "reason")));
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<ImportUploads.Upload> current(Principal staff) {
        return session.uploadId() == null ? Optional.empty() : uploads.find(session.uploadId(), staff.getName());
    }

    private static ImportFile file(ImportUploads.Upload upload) {
        return ImportFile.read(upload.content().getBytes(StandardCharsets.UTF_8));
    }

    private static ImportUploads.Upload withMapping(ImportUploads.Upload u, ImportMapping mapping) {
        return new ImportUploads.Upload(u.id(), u.content(), mapping, false, false, 0, 0, 0, 0, null);
    }

    private String page(Model model, Optional<ImportUploads.Upload> upload, ImportFile shown) {
        ImportFile file = shown != null
                ? shown
                : upload.filter(u -> u.content() != null)
                        .map(ImportController::file)
                        .orElse(null);
        List<String> header = file == null ? List.of() : file.header();
        model.addAttribute("header", header);
        model.addAttribute("preview", file == null ? List.of() : file.preview(10));
        model.addAttribute("rowCount", file == null ? 0 : file.rows());
        ImportMapping mapping = upload.map(ImportUploads.Upload::mapping).orElse(null);
        model.addAttribute("mapping", mapping);
        model.addAttribute("consentColumns", consentColumns(mapping, header));
        model.addAttribute("fields", ImportMapping.FIELDS);
        model.addAttribute("preset", mapping == null ? null : mapping.preset());
        ImportUploads.Upload checked =
                upload.filter(ImportUploads.Upload::checked).orElse(null);
        model.addAttribute("checked", checked != null);
        if (checked != null) {
            model.addAttribute("importDone", checked.imported());
            model.addAttribute("validCount", checked.valid());
            model.addAttribute("rejectedCount", checked.rejected());
            model.addAttribute("toCreate", checked.toCreate());
            model.addAttribute("toUpdate", checked.toUpdate());
            model.addAttribute("unchanged", checked.unchanged());
            List<List<String>> rejected = CsvReader.parse(checked.report() == null ? "" : checked.report());
            model.addAttribute(
                    "rejectedShown",
                    rejected.size() <= 1 ? List.of() : rejected.subList(1, Math.min(101, rejected.size())));
        }
        return PAGE;
    }

    /** The headers of the columns read as marketing consent, for the preview to say they were recognised. */
    private static String consentColumns(ImportMapping mapping, List<String> header) {
        if (mapping == null) {
            return "";
        }
        return String.join(
                ", ",
                mapping.consents().values().stream()
                        .filter(i -> i < header.size())
                        .sorted()
                        .map(header::get)
                        .toList());
    }
}
