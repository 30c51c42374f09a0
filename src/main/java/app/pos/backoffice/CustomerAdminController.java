package app.pos.backoffice;

import app.pos.audit.AuditAction;
import app.pos.audit.AuditReads;
import app.pos.customer.CustomerPage;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerSort;
import app.pos.shared.PhoneNumbers;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/** The back office customer list and its CSV export; the same query parameters drive both. */
@Controller
class CustomerAdminController {

    private static final List<String> CSV_HEADER = List.of(
            "id", "name", "phone", "email", "address", "total_spent", "visit_count", "last_visit_at", "created_at");

    /** A filter's label is the message key of its name under this prefix (customers.minSpent: "Spent from"). */
    private static final String LABELS = "customers.";

    private final CustomerService customers;
    private final ZoneId zone;
    private final MessageSourceAccessor messages;
    private final org.springframework.beans.factory.ObjectProvider<ConversionService> conversions;
    private final PhoneNumbers phones;
    private final AuditReads audit;

    CustomerAdminController(
            CustomerService customers,
            ShopTime time,
            MessageSource messageSource,
            @Qualifier("mvcConversionService")
                    org.springframework.beans.factory.ObjectProvider<ConversionService> conversions,
            PhoneNumbers phones,
            AuditReads audit) {
        this.customers = customers;
        this.zone = time.zone();
        this.messages = new MessageSourceAccessor(messageSource);
        this.conversions = conversions;
        this.phones = phones;
        this.audit = audit;
    }

    @GetMapping("/admin/customers")
    String list(
            @ModelAttribute("form") CustomerListForm form,
            BindingResult result,
            HttpServletRequest request,
            HttpServletResponse response,
            Htmx htmx,
            Model model) {
        if (result.hasErrors()) {
            return refuse(result, request, response, htmx, model);
        }
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
        int[] rows = {0};
        try {
            customers.export(form.filter(zone), form.sortOrDefault(), form.descending(), c -> {
                rows[0]++;
                try {
                    out.write(Csv.row(java.util.Arrays.asList(
                            c.id(),
                            c.name(),
                            Csv.phone(phones.international(c.phone())),
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
        } finally { // what left the building is recorded, even when the download broke off
            audit.record(
                    AuditAction.CUSTOMERS_EXPORTED, null, form.describedWithoutPersonalData() + ", rows=" + rows[0]);
        }
        out.flush();
    }

    /**
     * Filters that do not parse: each field is marked with its own message, the summary names the fields by their
     * labels. A full page answers 400; an htmx request 200, because htmx swaps no 4xx answer and the marked form
     * must replace the one on screen (out of band) together with the summary in the results.
     */
    private String refuse(
            BindingResult result, HttpServletRequest request, HttpServletResponse response, Htmx htmx, Model model) {
        CustomerListForm kept = keptValues(request, result);
        BindingResult marked = new BeanPropertyBindingResult(kept, result.getObjectName());
        List<String> labels = new ArrayList<>();
        Map<String, String> typedValues = new HashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            String label = messages.getMessage(LABELS + error.getField(), error.getField());
            labels.add(label);
            // the request's text: a constructor-bound record keeps no rejected value of its own
            String typed = request.getParameter(error.getField());
            typedValues.put(error.getField(), typed);
            marked.addError(new FieldError(
                    result.getObjectName(),
                    error.getField(),
                    typed,
                    true,
                    null,
                    null,
                    messages.getMessage("customers.invalidFilter", new Object[] {typed, label})));
        }
        model.addAttribute(result.getObjectName(), kept);
        model.addAttribute("typed", typedValues);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + result.getObjectName(), marked);
        model.addAttribute(
                "invalid", messages.getMessage("problem.invalidValues", new Object[] {String.join(", ", labels)}));
        model.addAttribute("sort", kept.sortOrDefault());
        model.addAttribute("descending", kept.descending());
        if (htmx.wantsFragment()) {
            return "backoffice/customers :: refused";
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "backoffice/customers";
    }

    /** The form as bound without the values that did not convert (a record is not built when one argument fails). */
    private CustomerListForm keptValues(HttpServletRequest request, BindingResult result) {
        Set<String> rejected =
                result.getFieldErrors().stream().map(FieldError::getField).collect(Collectors.toSet());
        DataBinder binder = new DataBinder(null, result.getObjectName());
        binder.setTargetType(ResolvableType.forClass(CustomerListForm.class));
        conversions.ifAvailable(binder::setConversionService);
        binder.construct(new DataBinder.ValueResolver() {
            @Override
            public Object resolveValue(String name, Class<?> type) {
                String[] values = rejected.contains(name) ? null : request.getParameterValues(name);
                return values == null || values.length != 1 ? values : values[0];
            }

            @Override
            public Set<String> getNames() {
                Set<String> names = new HashSet<>(request.getParameterMap().keySet());
                names.removeAll(rejected);
                return names;
            }
        });
        return (CustomerListForm) binder.getTarget();
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
