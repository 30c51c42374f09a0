package app.pos.till;

import app.pos.customer.ConsentChannel;
import app.pos.customer.ConsentSource;
import app.pos.customer.ConsentState;
import app.pos.customer.ConsentWordings;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.customer.DuplicatePhone;
import app.pos.shared.CustomerDetails;
import app.pos.shared.InvalidInput;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The till's customer panel: search as the cashier types, select or clear, create a new customer inline. */
@Controller
class CustomerPanelController {

    private static final String PAGE = "till/till";
    private static final int RESULTS = 8;
    private static final String TRIGGER_AFTER_SETTLE = "HX-Trigger-After-Settle";

    /** Tells the page a customer was picked, so that focus moves on to the menu filter (pos.js). */
    static final String SELECTED_EVENT = "pos:customer-selected";

    private final CustomerService customers;
    private final Till till;
    private final SaleModel sale;
    private final MessageSourceAccessor messages;
    private final ConsentWordings wordings;

    CustomerPanelController(
            CustomerService customers,
            Till till,
            SaleModel sale,
            MessageSource messageSource,
            ConsentWordings wordings) {
        this.customers = customers;
        this.wordings = wordings;
        this.till = till;
        this.sale = sale;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @GetMapping("/pos/customers")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        String query = q.length() > 100 ? q.substring(0, 100) : q;
        List<CustomerCard> results = customers.search(query, RESULTS).stream()
                .map(CustomerCard::from)
                .toList();
        model.addAttribute("results", results);
        model.addAttribute("recent", query.isBlank());
        model.addAttribute("q", query);
        return PAGE + " :: customer-results";
    }

    @PostMapping("/pos/customer/{id}")
    String select(@PathVariable UUID id, Model model, HttpServletResponse response) {
        customers.get(id);
        till.selectCustomer(id);
        response.setHeader(TRIGGER_AFTER_SETTLE, SELECTED_EVENT);
        sale.addTo(model);
        return PAGE + " :: customer-changed";
    }

    @PostMapping("/pos/customer/clear")
    String clearCustomer(Model model) {
        till.selectCustomer(null);
        sale.addTo(model);
        return PAGE + " :: customer-changed";
    }

    @GetMapping("/pos/customers/new")
    String newCustomer(@RequestParam(defaultValue = "") String q, Model model) {
        boolean looksLikePhone = q.matches("[0-9+()\\-.\\s]+");
        model.addAttribute("form", new CustomerDetails(looksLikePhone ? "" : q, looksLikePhone ? q : "", "", ""));
        addConsentChoices(model, List.of());
        return PAGE + " :: customer-form";
    }

    @PostMapping("/pos/customers")
    String createCustomer(
            @Valid @ModelAttribute("form") CustomerDetails form,
            BindingResult result,
            @RequestParam(defaultValue = "") String knownEmail,
            @RequestParam(name = "consent", required = false) List<String> consent,
            Model model,
            HttpServletResponse response) {
        Map<ConsentChannel, ConsentState> granted = granted(consent);
        if (!result.hasErrors() && !offeredCustomerWithEmail(form, knownEmail, result, model)) {
            try {
                CustomerView created = customers.create(form, granted, ConsentSource.TILL);
                till.selectCustomer(created.id());
                response.setHeader(TRIGGER_AFTER_SETTLE, SELECTED_EVENT);
                sale.addTo(model);
                return PAGE + " :: customer-changed";
            } catch (DuplicatePhone duplicate) {
                model.addAttribute("existing", CustomerCard.from(customers.get(duplicate.existingCustomerId())));
                result.rejectValue("phone", "duplicate", messages.getMessage("customer.phoneTaken"));
            } catch (InvalidInput invalid) {
                invalid.errors().forEach(e -> result.rejectValue(e.field(), "invalid", e.message()));
            }
        }
        addConsentChoices(model, granted.keySet().stream().map(Enum::name).toList());
        return PAGE + " :: customer-form";
    }

    /** The consent questions of the new-customer form, with the channels already ticked. */
    private void addConsentChoices(Model model, List<String> ticked) {
        model.addAttribute("consentWordings", List.copyOf(wordings.current().values()));
        model.addAttribute("consentTicked", ticked);
    }

    /** A ticked box grants its channel; an unticked one records nothing (the customer may not have been asked). */
    private static Map<ConsentChannel, ConsentState> granted(List<String> ticked) {
        Map<ConsentChannel, ConsentState> granted = new EnumMap<>(ConsentChannel.class);
        if (ticked != null) {
            for (ConsentChannel channel : ConsentChannel.values()) {
                if (ticked.contains(channel.name())) {
                    granted.put(channel, ConsentState.GRANTED);
                }
            }
        }
        return granted;
    }

    /**
     * Emails are not unique, so a known one does not forbid a new customer: the first attempt offers the customer
     * who has it, and the form then carries that email back ({@code knownEmail}) so that saving again creates.
     */
    private boolean offeredCustomerWithEmail(
            CustomerDetails form, String knownEmail, BindingResult result, Model model) {
        if (form.email() == null || form.email().strip().equalsIgnoreCase(knownEmail.strip())) {
            return false;
        }
        return customers
                .findByEmail(form.email())
                .map(existing -> {
                    model.addAttribute("existingByEmail", CustomerCard.from(existing));
                    model.addAttribute("knownEmail", form.email().strip());
                    result.rejectValue("email", "known", messages.getMessage("customer.emailKnown"));
                    return true;
                })
                .orElse(false);
    }
}
