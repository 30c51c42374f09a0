package app.pos.web;

import app.pos.shared.HtmxHeaders;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What htmx said about a request, as a handler argument ({@code Htmx htmx}), and what a handler tells htmx back.
 * {@code request}: htmx sent it and wants a fragment; {@code boosted}: a boosted link or form, which wants the page.
 */
public record Htmx(boolean request, boolean boosted, HttpServletResponse response) {

    /** Whether to answer with a fragment rather than the whole page. */
    public boolean wantsFragment() {
        return request && !boosted;
    }

    /** Swaps the answer into another element than the one the request named. */
    public void retarget(String target, String swap) {
        response.setHeader(HtmxHeaders.RETARGET, target);
        response.setHeader(HtmxHeaders.RESWAP, swap);
    }
}
