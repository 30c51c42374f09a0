package app.pos.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips PostgreSQL tests, with the reason, where no server is reachable (a developer laptop). With
 * POS_REQUIRE_POSTGRES=true (set by .ci/run) an unreachable server fails the tests instead.
 */
public class RequiresPostgres implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (PostgresTestDatabase.isAvailable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL is reachable");
        }
        if ("true".equalsIgnoreCase(System.getenv("POS_REQUIRE_POSTGRES"))) {
            throw new IllegalStateException(
                    "POS_REQUIRE_POSTGRES is set but " + PostgresTestDatabase.unavailableReason());
        }
        return ConditionEvaluationResult.disabled(PostgresTestDatabase.unavailableReason());
    }
}
