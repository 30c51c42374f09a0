package app.pos.privacy;

import app.pos.customer.CustomerService;
import app.pos.shared.InvalidInput;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Erasing a customer from the profile (ADMIN): a confirmation page that says what goes and what stays, with the
 * reason asked for, then the erasure and the customer list with a message that names no one (a flash message is
 * kept in the session table).
 */
@Controller
class ErasurePageController {

    private static final String PAGE = "privacy/erase";

    private final CustomerService customers;
    private final Erasure erasure;
    private final MessageSourceAccessor messages;

    ErasurePageController(CustomerService customers, Erasure erasure, MessageSource messageSource) {
        this.customers = customers;
        this.erasure = erasure;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    record EraseForm(String reason) {}

    @GetMapping("/admin/customers/{id}/erase")
    String confirm(@PathVariable UUID id, Model model) {
        model.addAttribute("customer", customers.get(id));
        model.addAttribute("form", new EraseForm(""));
        return PAGE;
    }

    @PostMapping("/admin/customers/{id}/erase")
    String erase(
            @PathVariable UUID id,
            @ModelAttribute("form") EraseForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        try {
            Erasure.Result erased = erasure.erase(id, form.reason());
            redirect.addFlashAttribute(
                    "message", messages.getMessage("erase.done", new Object[] {erased.ordersScrubbed()}));
            return "redirect:/admin/customers";
        } catch (InvalidInput invalid) {
            boolean blank = form.reason() == null || form.reason().isBlank();
            result.rejectValue(
                    "reason", "invalid", messages.getMessage(blank ? "erase.reason.blank" : "erase.reason.personal"));
            model.addAttribute("customer", customers.get(id));
            return PAGE;
        }
    }
}
