package app.pos.backoffice;

import app.pos.customer.CustomerMerge;
import app.pos.customer.CustomerService;
import app.pos.shared.CustomerDetails;
import app.pos.shared.PosException;
import app.pos.web.Htmx;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Possible duplicates" and the merge screen. */
@Controller
class MergeController {

    private final CustomerService customers;
    private final CustomerMerge merge;
    private final MessageSourceAccessor messages;

    MergeController(CustomerService customers, CustomerMerge merge, MessageSource messageSource) {
        this.customers = customers;
        this.merge = merge;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @GetMapping("/admin/customers/duplicates")
    String duplicates(Model model) {
        model.addAttribute("groups", customers.possibleDuplicates(100));
        return "backoffice/duplicates";
    }

    @GetMapping("/admin/customers/merge")
    String mergeForm(
            @RequestParam UUID a,
            @RequestParam(required = false) UUID b,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(required = false) UUID survivorId,
            @RequestParam(required = false) UUID shown,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String address,
            Htmx htmx,
            Model model) {
        if (b == null) {
            model.addAttribute("a", customers.get(a));
            model.addAttribute("q", q);
            model.addAttribute(
                    "candidates",
                    q.isBlank()
                            ? List.of()
                            : customers.search(q, 20).stream()
                                    .filter(c -> !c.id().equals(a))
                                    .toList());
            return "backoffice/merge-pick";
        }
        // the user's choices count while the survivor stays; choosing the other survivor proposes its values
        CustomerDetails chosen = survivorId != null && survivorId.equals(shown)
                ? new CustomerDetails(name, phone, email, address)
                : null;
        model.addAttribute("plan", merge.plan(a, b, survivorId, chosen));
        return htmx.wantsFragment() ? "backoffice/merge :: form" : "backoffice/merge";
    }

    @PostMapping("/admin/customers/merge")
    String merge(
            @RequestParam UUID a,
            @RequestParam UUID b,
            @RequestParam UUID survivorId,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String address,
            Principal principal,
            RedirectAttributes redirect) {
        if (!survivorId.equals(a) && !survivorId.equals(b)) {
            redirect.addFlashAttribute("problem", messages.getMessage("merge.chooseSurvivor"));
            return "redirect:/admin/customers/merge?a=" + a + "&b=" + b;
        }
        UUID mergedId = survivorId.equals(a) ? b : a;
        try {
            CustomerMerge.Result result = merge.merge(
                    new CustomerMerge.Command(survivorId, mergedId, new CustomerDetails(name, phone, email, address)),
                    principal.getName());
            redirect.addFlashAttribute("message", messages.getMessage("merge.done", new Object[] {
                result.ordersMoved(), result.survivor().name()
            }));
            return "redirect:/admin/customers/" + result.survivor().id();
        } catch (PosException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/admin/customers/duplicates";
        }
    }
}
