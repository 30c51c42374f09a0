package app.pos.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * API clients get problem bodies for 401 and 403, never a redirect to the login page. The Basic challenge goes
 * only to clients that are not a browser: a browser shown it prompts for a password and then sends it with every
 * request to the API, including those a page on another site makes it send.
 * Credentials refused because
 * their username or address failed too often get 429 with {@code Retry-After} (not 401: retrying at once, even
 * with the right password, cannot succeed, and a client should back off rather than ask its user again).
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        if (ex instanceof LoginThrottled throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            write(
                    response,
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed logins",
                    "Too many failed logins for this username or from this address; try again in "
                            + throttled.retryAfterSeconds() + " seconds.");
            return;
        }
        if (!fromBrowser(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"pos\"");
        }
        write(
                response,
                HttpStatus.UNAUTHORIZED,
                "Authentication required",
                "Send valid staff credentials with HTTP Basic authentication.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this action.");
    }

    /**
     * Every browser names itself "Mozilla/…" and sends Sec-Fetch-* headers (over HTTPS and to localhost); a page
     * asks for HTML. An API client that still wants the challenge need not look like one, and may send its
     * credentials without being asked.
     */
    private static boolean fromBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        String agent = request.getHeader("User-Agent");
        return request.getHeader("Sec-Fetch-Mode") != null
                || (accept != null && accept.contains("text/html"))
                || (agent != null && agent.startsWith("Mozilla/"));
    }

    private static void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                        + ",\"detail\":\"" + detail + "\"}");
    }
}
