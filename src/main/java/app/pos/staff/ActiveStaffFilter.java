package app.pos.staff;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Logs out a page session whose user was deactivated since they logged in: one indexed lookup per request,
 * which also works when several instances share the sessions. (API calls authenticate on every request anyway.)
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
        if (auth != null && auth.isAuthenticated() && request.getSession(false) != null
                && !"anonymousUser".equals(auth.getName()) && !staff.isActive(auth.getName())) {
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
}
