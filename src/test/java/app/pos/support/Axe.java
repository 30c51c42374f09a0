package app.pos.support;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.opentest4j.AssertionFailedError;

/**
 * Runs axe-core (the accessibility engine of Deque's axe, shipped inside the Maven artifact, nothing downloaded)
 * on the page as it is now and fails on any serious or critical violation, and on the few lesser rules that issue 10
 * named (a page without an h1, an empty table header). Other minor and moderate findings are left to review.
 */
public final class Axe {

    private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

    private static final Set<String> BLOCKING_RULES = Set.of("page-has-heading-one", "empty-table-header");

    private Axe() {}

    /** Fails with one line per violation (rule id, impact, help, the elements it found) when there is any. */
    public static void assertNoSeriousViolations(Page page, String pageName) {
        List<Rule> serious = seriousViolations(page);
        if (!serious.isEmpty()) {
            throw new AssertionFailedError(report(pageName, page.url(), serious));
        }
    }

    /** The blocking violations (see the class comment) axe finds on the page as it is now. */
    public static List<Rule> seriousViolations(Page page) {
        // Legacy mode runs axe.run in the page itself; the default mode opens a blank page per run to merge the
        // frames' results, which these pages (no iframes) do not need and which more than doubles the time.
        AxeRunOptions options = new AxeRunOptions();
        options.setResultTypes(List.of("violations"));
        AxeResults results =
                new AxeBuilder(page).setLegacyMode(true).options(options).analyze();
        if (results.isErrored()) {
            throw new IllegalStateException("axe-core failed on " + page.url() + ": " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()) || BLOCKING_RULES.contains(rule.getId()))
                .toList();
    }

    static String report(String pageName, String url, List<Rule> violations) {
        StringBuilder text = new StringBuilder()
                .append(pageName)
                .append(" (")
                .append(url)
                .append(") has ")
                .append(violations.size())
                .append(" blocking accessibility violation(s):");
        for (Rule rule : violations) {
            text.append("\n- ")
                    .append(rule.getId())
                    .append(" [")
                    .append(rule.getImpact())
                    .append("] ")
                    .append(rule.getHelp())
                    .append(" (")
                    .append(rule.getHelpUrl())
                    .append(")");
            for (CheckedNode node : rule.getNodes()) {
                text.append("\n    at ").append(target(node)).append(": ").append(node.getHtml());
            }
        }
        return text.toString();
    }

    /** axe names an element by a list of selectors (one per frame or shadow root). */
    private static String target(CheckedNode node) {
        Object target = node.getTarget();
        if (target instanceof List<?> selectors) {
            return selectors.stream().map(String::valueOf).collect(Collectors.joining(" >> "));
        }
        return String.valueOf(target);
    }
}
