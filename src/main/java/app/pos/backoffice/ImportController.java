package app.pos.backoffice;

import app.pos.customer.CustomerImport;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** CSV import: upload → preview with column mapping → check every row → import the valid ones; report of rejects. */
@Controller
class ImportController {

    private static final String PAGE = "backoffice/import";

    private final CustomerImport importer;
    private final ImportSession session;
    private final MessageSourceAccessor messages;

    ImportController(CustomerImport importer, ImportSession session, MessageSource messageSource) {
        this.importer = importer;
        this.session = session;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @GetMapping("/admin/customers/import")
    String form(Model model) {
        return page(model);
    }

    @PostMapping("/admin/customers/import")
    String upload(@RequestParam("file") MultipartFile file, Model model) throws IOException {
        if (file.isEmpty()) {
            model.addAttribute("uploadError", messages.getMessage("import.noFile"));
            return page(model);
        }
        List<List<String>> table = CsvReader.parse(new String(file.getBytes(), StandardCharsets.UTF_8));
        if (table.size() < 2) {
            model.addAttribute("uploadError", messages.getMessage("import.tooShort"));
            return page(model);
        }
        if (table.size() - 1 > CustomerImport.MAX_ROWS) {
            model.addAttribute(
                    "uploadError", messages.getMessage("import.tooLong", new Object[] {CustomerImport.MAX_ROWS}));
            return page(model);
        }
        session.load(table, CustomerImport.guessMapping(table.get(0)));
        return page(model);
    }

    @PostMapping("/admin/customers/import/check")
    String check(@RequestParam Map<String, String> params, Model model) {
        Map<String, Integer> mapping = new LinkedHashMap<>();
        for (String field : CustomerImport.COLUMNS) {
            String column = params.get("map_" + field);
            if (column != null && column.matches("\\d{1,4}")) {
                mapping.put(field, Integer.valueOf(column));
            }
        }
        if (!mapping.containsKey("name")) {
            model.addAttribute("mappingError", messages.getMessage("import.nameColumn"));
            session.checked(mapping, null);
            return page(model);
        }
        session.checked(mapping, importer.check(session.table(), mapping));
        return page(model);
    }

    @PostMapping("/admin/customers/import/run")
    String run(RedirectAttributes redirect) {
        CustomerImport.Checked checked = session.checked();
        if (checked == null) {
            redirect.addFlashAttribute("problem", messages.getMessage("import.notChecked"));
            return "redirect:/admin/customers/import";
        }
        // Check again right before importing: the file was checked a while ago.
        CustomerImport.Checked fresh = importer.check(session.table(), session.mapping());
        CustomerImport.Report report = importer.importValid(fresh);
        session.imported(fresh);
        redirect.addFlashAttribute(
                "message",
                messages.getMessage("import.imported", new Object[] {report.created(), report.rejected()}) + " "
                        + messages.getMessage("import.completed", new Object[] {report.updated(), report.unchanged()}));
        redirect.addFlashAttribute("imported", report.created());
        redirect.addFlashAttribute("updated", report.updated());
        redirect.addFlashAttribute("unchanged", report.unchanged());
        return "redirect:/admin/customers/import";
    }

    @GetMapping("/admin/customers/import/report.csv")
    void report(HttpServletResponse response) throws IOException {
        CustomerImport.Checked checked = session.checked();
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"import-report.csv\"");
        StringBuilder out = new StringBuilder("\uFEFF")
                .append(Csv.row(List.of("line", "name", "phone", "email", "address", "reason")));
        if (checked != null) {
            for (CustomerImport.Row row : checked.rejected()) {
                out.append(Csv.row(Arrays.asList(
                        row.line(),
                        row.details().name(),
                        row.details().phone(),
                        row.details().email(),
                        row.details().address(),
                        row.rejection())));
            }
        }
        response.getOutputStream().write(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String page(Model model) {
        List<List<String>> table = session.table();
        model.addAttribute("header", table.isEmpty() ? List.of() : table.get(0));
        model.addAttribute("preview", table.size() <= 1 ? List.of() : table.subList(1, Math.min(table.size(), 11)));
        model.addAttribute("rowCount", Math.max(0, table.size() - 1));
        model.addAttribute("mapping", session.mapping());
        model.addAttribute("fields", CustomerImport.COLUMNS);
        CustomerImport.Checked checked = session.checked();
        model.addAttribute("checked", checked);
        model.addAttribute("importDone", session.isImported());
        model.addAttribute(
                "rejectedShown",
                checked == null
                        ? List.of()
                        : checked.rejected()
                                .subList(0, Math.min(100, checked.rejected().size())));
        return PAGE;
    }
}
