package app.pos.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.security.web.DefaultRedirectStrategy;

/**
 * Redirects to the path (and query) of the target only. Spring Security remembers the page asked for before the
 * login as an absolute URL built from the request's Host header, which the client chooses; the redirect after the
 * login must not send the browser to whatever host that said.
 */
final class RelativeRedirects extends DefaultRedirectStrategy {

    @Override
    public void sendRedirect(HttpServletRequest request, HttpServletResponse response, String url) throws IOException {
        URI target = URI.create(url);
        if (target.isAbsolute() || target.getRawAuthority() != null) {
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            url = path + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
            // the path already holds the context path, which the default strategy would add again
            response.sendRedirect(response.encodeRedirectURL(url));
            return;
        }
        super.sendRedirect(request, response, url);
    }
}
