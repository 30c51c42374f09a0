package app.pos.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Who is logged in, for the page header and for showing manager-only actions (the server checks them anyway). */
@ControllerAdvice(annotations = Controller.class)
class CurrentStaff {

    @ModelAttribute("staffName")
    String staffName(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @ModelAttribute("isAdmin")
    boolean isAdmin(HttpServletRequest request) {
        return request.isUserInRole("ADMIN");
    }

    @ModelAttribute("isManager")
    boolean isManager(HttpServletRequest request) {
        return request.isUserInRole("MANAGER");
    }
}
