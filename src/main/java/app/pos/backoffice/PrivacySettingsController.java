package app.pos.backoffice;

import app.pos.customer.ContactMasking;
import app.pos.customer.PrivacySettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The ADMIN's privacy settings: whether cashiers see customers' full contact details. */
@Controller
class PrivacySettingsController {

    private final ContactMasking masking;

    PrivacySettingsController(ContactMasking masking) {
        this.masking = masking;
    }

    @GetMapping("/admin/privacy/settings")
    String show(Model model) {
        model.addAttribute("settings", masking.settings());
        return "backoffice/privacy-settings";
    }

    /** An unticked checkbox sends nothing, so a missing value means "no". */
    @PostMapping("/admin/privacy/settings")
    String save(@RequestParam(defaultValue = "false") boolean cashiersSeeContactDetails, RedirectAttributes redirect) {
        masking.change(new PrivacySettings(cashiersSeeContactDetails));
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/privacy/settings";
    }
}
