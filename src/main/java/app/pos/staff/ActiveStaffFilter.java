package app.pos.staff;

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
 * Logs out a page session whose user was deactivated, or whose role changed, since they logged in: one indexed
 * lookup per request, which also works when several instances share the sessions. A demoted manager must not
 * keep the manager pages for as long as their session lives. (API calls authenticate on every request.)
 */
class ActiveStaffFilter extends OncePerRequestFilter {

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
                && !stillValid(auth)) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (request.getHeader("HX-Request") != null) {
                response.setHeader("HX-Redirect", "/login");
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect("/login");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean stillValid(Authentication auth) {
        return staff.activeRole(auth.getName())
                .map(role -> auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals(role.authority())))
                .orElse(false);
    }
}
