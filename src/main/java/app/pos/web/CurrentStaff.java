package app.pos.web;

import java.security.Principal;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Who is logged in, for the page header and for showing role-specific actions (the server checks them anyway).
 * Roles are read through the role hierarchy, so an ADMIN sees what a MANAGER sees.
 */
@ControllerAdvice(annotations = Controller.class)
class CurrentStaff {

    private final RoleHierarchy roles;

    CurrentStaff(RoleHierarchy roles) {
        this.roles = roles;
    }

    @ModelAttribute("staffName")
    String staffName(Principal principal) {
        return principal == null ? null : principal.getName();
    }

    @ModelAttribute("isAdmin")
    boolean isAdmin(Authentication authentication) {
        return has(authentication, "ROLE_ADMIN");
    }

    @ModelAttribute("isManager")
    boolean isManager(Authentication authentication) {
        return has(authentication, "ROLE_MANAGER");
    }

    private boolean has(Authentication authentication, String role) {
        return authentication != null
                && roles.getReachableGrantedAuthorities(authentication.getAuthorities()).stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(role::equals);
    }
}
