package app.pos.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where a page's CSRF token lives: in the session when there is one (a logged-in user), otherwise in a cookie
 * checked against the form's copy. So the login form costs no session row (sessions are database rows shared by
 * every instance), while logged-in pages keep the token bound to their session. Both stores use the same header
 * ({@code X-CSRF-TOKEN}) and parameter ({@code _csrf}) names, so pages and scripts need not know which one applies.
 * A successful login clears the cookie and the session's token is made on the first page after it.
 */
final class LoginCsrfTokens implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

    LoginCsrfTokens() {
        cookie.setHeaderName("X-CSRF-TOKEN"); // the session store's name; the cookie store's own is X-XSRF-TOKEN
        cookie.setParameterName("_csrf");
        cookie.setCookieCustomizer(c -> c.sameSite("Strict"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return session.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token == null) {
            session.saveToken(null, request, response); // never creates a session
            if (cookie.loadToken(request) != null) {
                cookie.saveToken(null, request, response);
            }
        } else {
            store(request).saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return store(request).loadToken(request);
    }

    private CsrfTokenRepository store(HttpServletRequest request) {
        return request.getSession(false) != null ? session : cookie;
    }
}
