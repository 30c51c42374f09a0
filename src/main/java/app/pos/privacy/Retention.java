package app.pos.privacy;

import app.pos.audit.AuditAction;
import app.pos.audit.AuditLog;
import app.pos.customer.CustomerErasure;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention policy: customers with no visit and no change for {@code inactiveMonths} (last visit, or creation
 * when they never came, and last change both older than now − N months) are erased as on request. A run erases
 * them in batches of {@code pos.retention.batch-size} (1,000), each batch one short transaction with its audit
 * entries, so sales never wait long and a crash keeps what was done. One {@code RETENTION_RUN} entry per run.
 */
@Service
public class Retention {

    public static final int MAX_MONTHS = 1200;
    private static final int SAMPLE = 10;

    /** The policy as it stands, with its last run. */
    public record Policy(
            boolean enabled,
            int inactiveMonths,
            @Schema(nullable = true) OffsetDateTime lastRunAt,
            @Schema(nullable = true) Integer lastRunErased) {}

    /** A change of the policy (both members required). */
    public record Settings(
            @NotNull(message = "is required") Boolean enabled,

            @NotNull(message = "is required")
            @Min(value = 1, message = "must be at least 1")
            @Max(value = MAX_MONTHS, message = "must be at most " + MAX_MONTHS)
            Integer inactiveMonths) {}

    /** Who a run today would erase: how many, and a few of them masked ("A. L. •••"). */
    public record Preview(long count, List<CustomerErasure.Inactive> sample) {}

    /** What a run erased. */
    public record Outcome(int erased) {}

    /** One past run. */
    public record Run(
            OffsetDateTime startedAt, OffsetDateTime finishedAt, String startedBy, int inactiveMonths, int erased) {}

    private final RetentionRepository policies;
    private final CustomerErasure erasure;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int batchSize;

    Retention(
            RetentionRepository policies,
            CustomerErasure erasure,
            AuditLog audit,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${pos.retention.batch-size:1000}") int batchSize) {
        this.policies = policies;
        this.erasure = erasure;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.batchSize = Math.max(1, batchSize);
    }

    @Transactional(readOnly = true)
    public Policy policy() {
        return policies.policy();
    }

    @Transactional
    public Policy update(Settings settings) {
        policies.update(settings.enabled(), settings.inactiveMonths(), staff(), OffsetDateTime.now(clock));
        return policies.policy();
    }

    @Transactional(readOnly = true)
    public Preview preview() {
        OffsetDateTime cutoff = cutoff(policies.policy().inactiveMonths());
        return new Preview(erasure.countInactive(cutoff), erasure.sampleInactive(cutoff, SAMPLE));
    }

    @Transactional(readOnly = true)
    public List<Run> lastRuns(int limit) {
        return policies.lastRuns(limit);
    }

    /** Runs the policy now, whether it is enabled or not (an ADMIN asked). */
    public Outcome run() {
        return apply(policies.policy().inactiveMonths());
    }

    /** What the daily job does: nothing when the policy is off. */
    Outcome runIfEnabled() {
        Policy policy = policies.policy();
        return policy.enabled() ? apply(policy.inactiveMonths()) : new Outcome(0);
    }

    private Outcome apply(int months) {
        OffsetDateTime started = OffsetDateTime.now(clock);
        OffsetDateTime cutoff = cutoff(months);
        int erased = 0;
        List<UUID> batch;
        do {
            batch = transaction.execute(status -> {
                List<UUID> ids = erasure.eraseInactive(cutoff, batchSize);
                audit.recordEach(AuditAction.CUSTOMER_ERASED, ids, "retention");
                return ids;
            });
            erased += batch.size();
        } while (batch.size() == batchSize);
        int total = erased;
        transaction.executeWithoutResult(status -> {
            policies.recordRun(started, OffsetDateTime.now(clock), staff(), months, total);
            audit.record(AuditAction.RETENTION_RUN, null, "erased " + total + " (inactive " + months + " months)");
        });
        return new Outcome(total);
    }

    private OffsetDateTime cutoff(int months) {
        return OffsetDateTime.now(clock).minusMonths(months);
    }

    private static String staff() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || !authentication.isAuthenticated() ? AuditLog.SYSTEM : authentication.getName();
    }
}
