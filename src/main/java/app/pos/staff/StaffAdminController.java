package app.pos.staff;

import app.pos.shared.InvalidInput;
import app.pos.shared.PosException;
import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff administration page, ADMIN only (see {@link SecurityConfig}). */
@Controller
class StaffAdminController {

    private final StaffService staff;
    private final MessageSourceAccessor messages;

    StaffAdminController(StaffService staff, MessageSource messageSource) {
        this.staff = staff;
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @GetMapping("/admin/staff")
    String list(Model model) {
        model.addAttribute("form", new NewStaff("", "", StaffRole.CASHIER));
        return page(model);
    }

    @PostMapping("/admin/staff")
    String create(
            @Valid @ModelAttribute("form") NewStaff form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect)
            throws BindException {
        if (result.getFieldErrors().stream().anyMatch(FieldError::isBindingFailure)) {
            throw new BindException(result); // a forged role, not a typing mistake: 400
        }
        if (!result.hasErrors()) {
            try {
                staff.create(form);
                redirect.addFlashAttribute(
                        "message", messages.getMessage("staff.created", new Object[] {form.username()}));
                return "redirect:/admin/staff";
            } catch (InvalidInput e) {
                e.errors().forEach(err -> result.rejectValue(err.field(), "invalid", err.message()));
            } catch (PosException e) {
                result.rejectValue("username", "taken", e.getMessage());
            }
        }
        return page(model);
    }

    @PostMapping("/admin/staff/{id}")
    String update(
            @PathVariable UUID id,
            @RequestParam(required = false) StaffRole role,
            @RequestParam(required = false) String active,
            @RequestParam(required = false) String activeShown,
            @RequestParam(required = false) String password,
            java.security.Principal me,
            jakarta.servlet.http.HttpSession session,
            RedirectAttributes redirect) {
        // An unticked checkbox sends nothing; the hidden activeShown tells "unticked" from "not on this form".
        Boolean isActive = activeShown == null ? null : active != null;
        String newPassword = password == null || password.isEmpty() ? null : password;
        try {
            StaffView changed = staff.update(id, new StaffChange(role, isActive, newPassword));
            if (newPassword != null && changed.username().equals(me.getName())) {
                // a new password ends one's other sessions, not the one that set it
                ActiveStaffFilter.remember(session, staff, me.getName());
            }
            redirect.addFlashAttribute(
                    "message", messages.getMessage("staff.saved", new Object[] {changed.username()}));
        } catch (PosException e) {
            redirect.addFlashAttribute(
                    "problem",
                    e instanceof InvalidInput invalid
                            ? invalid.errors().get(0).field() + " "
                                    + invalid.errors().get(0).message()
                            : e.getMessage());
        }
        return "redirect:/admin/staff";
    }

    /** The list; the form shows what was typed except the password, which is never sent back. */
    private String page(Model model) {
        model.addAttribute("staff", staff.list());
        model.addAttribute("roles", StaffRole.values());
        return "staff/list";
    }
}
