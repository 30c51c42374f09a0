package app.pos.staff;

import app.pos.shared.HtmxHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * The login flow keeps anonymous visitors out of the session table: the page a visitor was sent away from waits
 * in a cookie (not the session), the login form's CSRF token too ({@link LoginCsrfTokens}), and a failed login goes
 * to {@code /login?error} without storing its exception. A session starts only when a login succeeds.
 */
final class LoginPages {

    private static final String TILL = "/pos";

    private LoginPages() {}

    /** Remembers where a full-page GET wanted to go; fragments (htmx) and other methods are never where one returns. */
    static RequestCache requestCache() {
        CookieRequestCache cache = new CookieRequestCache();
        cache.setRequestMatcher(request -> HttpMethod.GET.matches(request.getMethod()) && !HtmxHeaders.isHtmx(request));
        return cache;
    }

    /** Goes where the login was asked for (this server's path only) or to the till, after {@code onLogin}. */
    static AuthenticationSuccessHandler succeeded(RequestCache cache, LoggedIn onLogin) {
        return (request, response, authentication) -> {
            onLogin.accept(request, authentication.getName());
            SavedRequest saved = cache.getRequest(request, response);
            cache.removeRequest(request, response);
            response.sendRedirect(localPath(saved, request.getContextPath() + TILL));
        };
    }

    /** Back to the login page with the reason, and nothing stored on the server. */
    static AuthenticationFailureHandler failed() {
        return (request, response, exception) -> response.sendRedirect(request.getContextPath()
                + (exception instanceof LoginThrottled throttled
                        ? "/login?throttled=" + throttled.retryAfterMinutes()
                        : "/login?error"));
    }

    /** What runs in the new session right after a successful login. */
    interface LoggedIn {
        void accept(HttpServletRequest request, String username);
    }

    /** The saved URL's path and query; a cookie can be planted, so never another host. */
    static String localPath(SavedRequest saved, String otherwise) {
        if (saved == null) {
            return otherwise;
        }
        try {
            URI uri = URI.create(saved.getRedirectUrl());
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//") || path.endsWith("/login")) {
                return otherwise;
            }
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException notAUrl) {
            return otherwise;
        }
    }
}
