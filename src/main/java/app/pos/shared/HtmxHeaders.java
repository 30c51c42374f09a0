package app.pos.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The htmx header names and the two questions every layer asks: is this an htmx request, and how do I send an htmx
 * request elsewhere. Here rather than in {@code web} so that the security filters in {@code staff} may use it too;
 * controllers take an {@code app.pos.web.Htmx} argument instead.
 */
public final class HtmxHeaders {

    public static final String REQUEST = "HX-Request";
    public static final String BOOSTED = "HX-Boosted";
    public static final String REDIRECT = "HX-Redirect";
    public static final String RETARGET = "HX-Retarget";
    public static final String RESWAP = "HX-Reswap";

    private HtmxHeaders() {}

    public static boolean isHtmx(HttpServletRequest request) {
        return request.getHeader(REQUEST) != null;
    }

    /** Sends the browser to {@code location}: a 302, or for an htmx request {@link #redirectBrowser}. */
    public static void redirect(HttpServletRequest request, HttpServletResponse response, String location)
            throws java.io.IOException {
        if (isHtmx(request)) {
            redirectBrowser(response, location);
        } else {
            response.sendRedirect(request.getContextPath() + location);
        }
    }

    /** A fragment request cannot follow a 302 into a full page: 401 and HX-Redirect send the browser there. */
    public static void redirectBrowser(HttpServletResponse response, String location) throws java.io.IOException {
        response.setHeader(REDIRECT, location);
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
