package app.pos.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The OpenAPI lint runs Redocly CLI, pinned in {@code .ci/redocly/package.json} and installed there by
 * {@code .ci/run} ({@code npm ci}). Where it is not installed the lint is skipped with the reason; with
 * POS_REQUIRE_REDOCLY=true (set by .ci/run) it fails instead.
 */
public class RequiresRedocly implements ExecutionCondition {

    public static Path executable() {
        return Path.of(".ci/redocly/node_modules/.bin/redocly");
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(executable())) {
            return ConditionEvaluationResult.enabled("Redocly CLI found");
        }
        String reason = "No Redocly CLI at " + executable() + " (cd .ci/redocly && npm ci)";
        if ("true".equalsIgnoreCase(System.getenv("POS_REQUIRE_REDOCLY"))) {
            throw new IllegalStateException("POS_REQUIRE_REDOCLY is set but: " + reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }
}
