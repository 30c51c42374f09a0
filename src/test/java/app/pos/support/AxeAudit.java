package app.pos.support;

import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Runs {@link Axe} on each page a test walks through and fails once at the end with every page's violations, so one
 * run shows all that needs fixing rather than only the first page's.
 */
public final class AxeAudit {

    private final List<String> reports = new ArrayList<>();
    private int pages;

    /** Checks the page as it is now. */
    public void check(Page page, String pageName) {
        Browser.settle(page);
        List<Rule> violations = Axe.seriousViolations(page);
        pages++;
        if (!violations.isEmpty()) {
            reports.add(Axe.report(pageName, page.url(), violations));
        }
    }

    /** How many pages were checked; a walk that checked none proves nothing. */
    public int pages() {
        return pages;
    }

    public void assertClean() {
        if (!reports.isEmpty()) {
            throw new AssertionFailedError(
                    reports.size() + " of " + pages + " pages fail axe-core:\n\n" + String.join("\n\n", reports));
        }
    }
}
