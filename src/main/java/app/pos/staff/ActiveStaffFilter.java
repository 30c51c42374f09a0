package app.pos.staff;

import app.pos.shared.HtmxHeaders;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs out a page session whose user was deactivated, or whose role or password changed, since they logged in:
 * one indexed lookup per request, which also works when several instances share the sessions. A demoted manager
 * must not keep the manager pages for as long as their session lives, nor someone who learned a password keep a
 * session after it was reset. (API calls authenticate on every request.)
 */
class ActiveStaffFilter extends OncePerRequestFilter {

    static final String CREDENTIALS_VERSION = "pos.staff.credentialsVersion";

    private final StaffService staff;

    ActiveStaffFilter(StaffService staff) {
        this.staff = staff;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null
                && auth.isAuthenticated()
                && request.getSession(false) != null
                && !(auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken)
                && !stillValid(auth, request.getSession(false))) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            HtmxHeaders.redirect(request, response, "/login");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(Authentication auth, HttpSession session) {
        // Sessions from before the count was kept carry none; they are checked for role and activity only.
        Object loggedInWith = session.getAttribute(CREDENTIALS_VERSION);
        return staff.activeStaff(auth.getName())
                .filter(current -> auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals(current.role().authority())))
                .filter(current -> loggedInWith == null || loggedInWith.equals(current.credentialsVersion()))
                .isPresent();
    }

    /** Marks the session with the user's current password-change count: at login, and after changing one's own. */
    static void remember(HttpSession session, StaffService staff, String username) {
        staff.activeStaff(username)
                .ifPresent(current -> session.setAttribute(CREDENTIALS_VERSION, current.credentialsVersion()));
    }
}
