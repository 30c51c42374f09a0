package app.pos.staff;

import app.pos.shared.HtmxHeaders;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * A page request that arrives without a live session goes to the login page. A POST from a till left open past its
 * session carries the dead session's CSRF token, so the CSRF check refuses it before authorization would ask for a
 * login: without a logged-in user that refusal means "log in again", not "your role does not allow this". A
 * fragment URL (an htmx request) is never where the login leads back to: it lands on the till instead.
 */
final class SessionEnded implements AccessDeniedHandler, AuthenticationEntryPoint {

    private static final String LOGIN = "/login";

    private final AccessDeniedHandler denied;
    private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();
    private final RequestCache requestCache;

    /**
     * @param denied what answers every other refusal
     * @param requestCache where the page to return to after logging in is kept
     */
    SessionEnded(AccessDeniedHandler denied, RequestCache requestCache) {
        this.denied = denied;
        this.requestCache = requestCache;
    }

    /** For htmx requests only: 401 with HX-Redirect, and no saved request. */
    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        requestCache.removeRequest(request, response);
        HtmxHeaders.redirectBrowser(response, LOGIN);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException, jakarta.servlet.ServletException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(ex instanceof CsrfException) || (auth != null && !trust.isAnonymous(auth))) {
            denied.handle(request, response, ex);
        } else {
            HtmxHeaders.redirect(request, response, LOGIN);
        }
    }
}
