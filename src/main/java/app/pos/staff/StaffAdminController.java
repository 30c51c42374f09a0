package app.pos.staff;

import app.pos.shared.FormErrors;
import app.pos.shared.InvalidInput;
import app.pos.shared.PosException;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff administration page, ADMIN only (see {@link SecurityConfig}). */
@Controller
class StaffAdminController {

    private final StaffService staff;
    private final Validator validator;

    StaffAdminController(StaffService staff, Validator validator) {
        this.staff = staff;
        this.validator = validator;
    }

    record StaffForm(String username, String password, StaffRole role) {}

    @GetMapping("/admin/staff")
    String list(Model model) {
        return page(model, new StaffForm("", "", StaffRole.CASHIER), Map.of());
    }

    @PostMapping("/admin/staff")
    String create(StaffForm form, Model model, RedirectAttributes redirect) {
        NewStaff command = new NewStaff(form.username(), form.password(), form.role());
        Map<String, String> errors = FormErrors.of(validator, command);
        if (errors.isEmpty()) {
            try {
                staff.create(command);
                redirect.addFlashAttribute("message", "Created " + form.username() + ".");
                return "redirect:/admin/staff";
            } catch (InvalidInput e) {
                e.errors().forEach(err -> errors.putIfAbsent(err.field(), err.message()));
            } catch (PosException e) {
                errors.put("username", e.getMessage());
            }
        }
        return page(model, new StaffForm(form.username(), "", form.role()), errors);
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
            redirect.addFlashAttribute("message", "Saved " + changed.username() + ".");
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

    private String page(Model model, StaffForm form, Map<String, String> errors) {
        model.addAttribute("staff", staff.list());
        model.addAttribute("roles", StaffRole.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "staff/list";
    }
}
