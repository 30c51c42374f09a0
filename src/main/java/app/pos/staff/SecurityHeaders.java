package app.pos.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The browser-side defences every response carries (Spring Security adds nosniff, frame options, cache control
 * and, on HTTPS requests, HSTS). The content security policy runs only the app's own script files: no inline
 * script, no event-handler attribute, no eval (htmx is configured without it in {@code layout.html}), no inline
 * style. Swagger UI applies inline styles (swagger-api/swagger-ui#10655), so its pages alone may.
 */
final class SecurityHeaders implements HeaderWriter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";
    static final String SWAGGER_UI_POLICY = POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
    static final String PERMISSIONS =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()," + " bluetooth=(), hid=()";

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Content-Security-Policy", path.startsWith("/swagger-ui") ? SWAGGER_UI_POLICY : POLICY);
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS);
    }
}
