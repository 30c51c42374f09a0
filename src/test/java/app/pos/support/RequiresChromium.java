package app.pos.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Browser tests run on Debian's Chromium (/usr/bin/chromium, or POS_CHROMIUM). Where it is missing they are
 * skipped with the reason; with POS_REQUIRE_BROWSER=true (set by .ci/run, which installs it) they fail instead.
 */
public class RequiresChromium implements ExecutionCondition {

    public static Path executable() {
        String configured = System.getenv("POS_CHROMIUM");
        return Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(executable())) {
            return ConditionEvaluationResult.enabled("Chromium found");
        }
        String reason = "No Chromium at " + executable() + " (apt-get install chromium)";
        if ("true".equalsIgnoreCase(System.getenv("POS_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("POS_REQUIRE_BROWSER is set but: " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
