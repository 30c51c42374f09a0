package app.pos.backoffice;

import app.pos.audit.AuditAction;
import app.pos.audit.AuditReads;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.customer.DuplicatePhone;
import app.pos.order.CustomerOrders;
import app.pos.shared.CustomerDetails;
import app.pos.shared.InvalidInput;
import app.pos.shared.PhoneNumbers;
import app.pos.shared.ShopTime;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.ZoneId;
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

/** A customer's profile in the back office: contact details edited in place, statistics, chart, history. */
@Controller
class CustomerProfileController {

    private static final String PAGE = "backoffice/customer";
    private static final int HISTORY_PAGE = 10;

    private final CustomerService customers;
    private final CustomerOrders customerOrders;
    private final ZoneId zone;
    private final MessageSourceAccessor messages;
    private final PhoneNumbers phones;
    private final ConsentModel consentModel;
    private final AuditReads audit;

    CustomerProfileController(
            CustomerService customers,
            CustomerOrders customerOrders,
            ShopTime time,
            MessageSource messageSource,
            PhoneNumbers phones,
            ConsentModel consentModel,
            AuditReads audit) {
        this.customers = customers;
        this.customerOrders = customerOrders;
        this.zone = time.zone();
        this.messages = new MessageSourceAccessor(messageSource);
        this.phones = phones;
        this.consentModel = consentModel;
        this.audit = audit;
    }

    /** Derived figures for the statistics cards. */
    record Figures(BigDecimal averageOrder, Long daysBetweenVisits) {
        static Figures of(CustomerView c, CustomerOrders.Insights insights) {
            BigDecimal average = c.visitCount() == 0
                    ? null
                    : c.totalSpent().divide(BigDecimal.valueOf(c.visitCount()), 2, RoundingMode.HALF_UP);
            Long every = null;
            if (c.visitCount() > 1 && insights.firstVisit() != null && c.lastVisitAt() != null) {
                every = Duration.between(insights.firstVisit(), c.lastVisitAt()).toDays() / (c.visitCount() - 1);
            }
            return new Figures(average, every);
        }
    }

    @GetMapping("/admin/customers/{id}")
    String profile(@PathVariable UUID id, Model model) {
        CustomerView customer = customers.get(id);
        audit.record(AuditAction.PROFILE_VIEWED, id, null);
        CustomerOrders.Insights insights = customerOrders.insights(id, zone);
        model.addAttribute("customer", customer);
        model.addAttribute("insights", insights);
        model.addAttribute("figures", Figures.of(customer, insights));
        model.addAttribute(
                "chartLabels",
                insights.lastTwelveMonths().stream()
                        .map(m -> m.month().toString())
                        .toList());
        model.addAttribute(
                "chartValues",
                insights.lastTwelveMonths().stream()
                        .map(m -> m.total().toPlainString())
                        .toList());
        model.addAttribute("history", customerOrders.history(id, 0, HISTORY_PAGE));
        model.addAttribute("form", formOf(customer));
        model.addAttribute("zone", zone);
        consentModel.addTo(id, model);
        return PAGE;
    }

    @PostMapping("/admin/customers/{id}")
    String edit(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") CustomerDetails form,
            BindingResult result,
            Model model) {
        CustomerView customer = customers.get(id);
        String answer = PAGE + " :: contact";
        if (!result.hasErrors()) {
            try {
                customer = customers.update(id, form);
                model.addAttribute("saved", true);
                model.addAttribute("form", formOf(customer));
                answer = PAGE + " :: renamed";
            } catch (DuplicatePhone duplicate) {
                result.rejectValue("phone", "duplicate", messages.getMessage("profile.phoneTaken"));
                model.addAttribute("existingId", duplicate.existingCustomerId());
            } catch (InvalidInput invalid) {
                invalid.errors().forEach(e -> result.rejectValue(e.field(), "invalid", e.message()));
            }
        }
        model.addAttribute("customer", customer);
        return answer;
    }

    /** The form shows the phone as people read it; saving reads that format back in the shop's region. */
    private CustomerDetails formOf(CustomerView c) {
        return new CustomerDetails(
                c.name(), phones.display(c.phone()), c.email(), c.address(), c.notes() == null ? "" : c.notes());
    }

    @GetMapping("/admin/customers/{id}/orders")
    String history(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("customer", customers.get(id));
        model.addAttribute("history", customerOrders.history(id, Math.max(0, page), HISTORY_PAGE));
        model.addAttribute("zone", zone);
        return PAGE + " :: history";
    }

    @PostMapping("/admin/customers/{id}/recompute")
    String recompute(@PathVariable UUID id, Model model) {
        boolean wasOff = customers.recomputeStats(id);
        model.addAttribute("wasOff", wasOff);
        model.addAttribute("customer", customers.get(id));
        return PAGE + " :: recomputed";
    }
}
