package app.pos.backoffice;

import app.pos.customer.CustomerPage;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerSort;
import app.pos.shared.ShopTime;
import app.pos.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The back office customer list and its CSV export; the same query parameters drive both. */
@Controller
class CustomerAdminController {

    private static final List<String> CSV_HEADER = List.of(
            "id", "name", "phone", "email", "address", "total_spent", "visit_count", "last_visit_at", "created_at");

    private final CustomerService customers;
    private final ZoneId zone;

    CustomerAdminController(CustomerService customers, ShopTime time) {
        this.customers = customers;
        this.zone = time.zone();
    }

    @GetMapping("/admin/customers")
    String list(@ModelAttribute("form") CustomerListForm form, HttpServletRequest request, Htmx htmx, Model model) {
        CustomerPage page = customers.list(
                form.filter(zone), form.sortOrDefault(), form.descending(), form.after(), form.sizeOrDefault());
        model.addAttribute("page", page);
        model.addAttribute("sorts", CustomerSort.values());
        model.addAttribute("sort", form.sortOrDefault());
        model.addAttribute("descending", form.descending());
        model.addAttribute("query", queryWithoutCursor(request));
        return htmx.wantsFragment() ? "backoffice/customers :: results" : "backoffice/customers";
    }

    @GetMapping("/admin/customers/export.csv")
    void export(@ModelAttribute CustomerListForm form, HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"customers.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF'); // byte order mark: Excel then reads the file as UTF-8
        out.write(Csv.row(CSV_HEADER));
        try {
            customers.export(form.filter(zone), form.sortOrDefault(), form.descending(), c -> {
                try {
                    out.write(Csv.row(java.util.Arrays.asList(
                            c.id(),
                            c.name(),
                            c.phone(),
                            c.email(),
                            c.address(),
                            c.totalSpent(),
                            c.visitCount(),
                            c.lastVisitAt(),
                            c.createdAt())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    /** The current query string without the cursor, for sort links, "first page" and the export link. */
    private static String queryWithoutCursor(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return "";
        }
        return java.util.Arrays.stream(query.split("&"))
                .filter(p -> !p.startsWith("after=") && !p.startsWith("sort=") && !p.startsWith("dir="))
                .reduce((a, b) -> a + "&" + b)
                .orElse("");
    }
}
