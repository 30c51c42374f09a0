package app.pos.privacy;

import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The back office's privacy page (ADMIN): the retention policy (editable), who a run would erase today, the last
 * runs, a run-now button, and the records of processing (Art. 30) as message-bundle text.
 */
@Controller
class PrivacyPageController {

    private static final String PAGE = "privacy/privacy";
    private static final int RUNS_SHOWN = 10;

    private final Retention retention;
    private final MessageSourceAccessor messages;

    PrivacyPageController(Retention retention, MessageSource messageSource) {
        this.retention = retention;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    /** The policy form; months as typed, so that "abc" comes back with a message rather than a 400. */
    record PolicyForm(boolean enabled, String inactiveMonths) {}

    @GetMapping("/admin/privacy")
    String page(Model model) {
        Retention.Policy policy = retention.policy();
        model.addAttribute("form", new PolicyForm(policy.enabled(), Integer.toString(policy.inactiveMonths())));
        return show(model);
    }

    @PostMapping("/admin/privacy/retention")
    String update(
            @ModelAttribute("form") PolicyForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        Integer months = months(form.inactiveMonths());
        if (months == null) {
            result.rejectValue("inactiveMonths", "range", messages.getMessage("privacy.months.invalid", new Object[] {
                Retention.MAX_MONTHS
            }));
            return show(model);
        }
        retention.update(new Retention.Settings(form.enabled(), months));
        redirect.addFlashAttribute("message", messages.getMessage("privacy.saved"));
        return "redirect:/admin/privacy";
    }

    @PostMapping("/admin/privacy/retention/run")
    String run(RedirectAttributes redirect) {
        Retention.Outcome outcome = retention.run();
        redirect.addFlashAttribute("message", messages.getMessage("privacy.ran", new Object[] {outcome.erased()}));
        return "redirect:/admin/privacy";
    }

    private String show(Model model) {
        model.addAttribute("policy", retention.policy());
        model.addAttribute("preview", retention.preview());
        model.addAttribute("runs", retention.lastRuns(RUNS_SHOWN));
        return PAGE;
    }

    private static Integer months(String typed) {
        try {
            int months = Integer.parseInt(typed == null ? "" : typed.strip());
            return months >= 1 && months <= Retention.MAX_MONTHS ? months : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
