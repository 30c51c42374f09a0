package app.pos.loyalty;

import app.pos.shared.ShopTime;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Points expiry, while the program is enabled and {@code pointsExpireAfterMonths} (N) is set. Points earned on a
 * business day D ({@link ShopTime}) can be spent through D + N months and expire when that day ends; N is the
 * setting when the run (or the summary) looks, so a changed setting applies to points already earned. Which
 * points are unspent is {@link ExpiryLots}: redemptions spend the soonest-expiring first.
 *
 * <p>A run writes one EXPIRY entry per customer for the expired, unspent points, never more than the balance (none
 * when it is zero or below). Points expire when a run writes them off, so until the night's run they can still be
 * spent. Each customer is handled under the lock on their balance row, and computed from the ledger there, so two
 * runs at once (ShedLock normally prevents that) and runs repeated the same day write each expiry once. A run
 * looks only at customers with a positive balance and a lot written since the previous run's cutoff (or a merge
 * since it started); the first run, or one after more than 31 days without, looks at every positive balance.
 * Customers are taken {@code pos.points-expiry.batch-size} (100) at a time, each batch one short transaction.
 */
@Component
class PointsExpiry {

    static final int EXPIRING_DAYS = 30;
    private static final Duration LONG_GAP = Duration.ofDays(31);

    record Outcome(int examined, int customers, long points) {
        static final Outcome NONE = new Outcome(0, 0, 0);
    }

    private final ProgramRepository program;
    private final LedgerRepository ledger;
    private final ExpiryRepository expiry;
    private final ShopTime shopTime;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final int batchSize;

    PointsExpiry(
            ProgramRepository program,
            LedgerRepository ledger,
            ExpiryRepository expiry,
            ShopTime shopTime,
            Clock clock,
            PlatformTransactionManager transactionManager,
            @Value("${pos.points-expiry.batch-size:100}") int batchSize) {
        this.program = program;
        this.ledger = ledger;
        this.expiry = expiry;
        this.shopTime = shopTime;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
        this.batchSize = Math.max(1, batchSize);
    }

    /** Writes off what has expired; nothing while the program is off or its points never expire. */
    Outcome run() {
        LoyaltyProgram settings = program.load();
        Integer months = monthsOf(settings);
        if (months == null) {
            return Outcome.NONE;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime lotsBefore = lotsExpiredBefore(months, now);
        Optional<ExpiryRepository.Run> last = expiry.lastRun()
                .filter(run -> Duration.between(run.lotsBefore(), lotsBefore).compareTo(LONG_GAP) <= 0);
        int examined = 0;
        int customers = 0;
        long points = 0;
        UUID after = null;
        List<UUID> batch;
        do {
            UUID from = after;
            batch = last.map(run ->
                            expiry.withLotsBetween(run.lotsBefore(), lotsBefore, run.startedAt(), from, batchSize))
                    .orElseGet(() -> expiry.withLotsBefore(lotsBefore, from, batchSize));
            if (batch.isEmpty()) {
                break;
            }
            List<UUID> ids = batch;
            long[] written = transaction.execute(status -> expire(ids, months, now));
            examined += batch.size();
            customers += (int) written[0];
            points += written[1];
            after = batch.get(batch.size() - 1);
        } while (batch.size() == batchSize);
        expiry.recordRun(now, OffsetDateTime.now(clock), months, lotsBefore, examined, customers, points);
        return new Outcome(examined, customers, points);
    }

    /** In one transaction: locks each balance (in the order merges lock them) and writes what expired. */
    private long[] expire(List<UUID> customerIds, int months, OffsetDateTime now) {
        List<UUID> ordered = new ArrayList<>(customerIds);
        ordered.sort(null);
        long[] written = new long[2];
        UnaryOperator<OffsetDateTime> expiryOf = expiryOf(months);
        for (UUID customerId : ordered) {
            LedgerRepository.Balance balance = ledger.lock(customerId);
            if (balance.balance() <= 0) {
                continue;
            }
            long expired = Math.min(
                    ExpiryLots.replay(expiry.ledger(customerId), expiryOf).expiredBy(now), balance.balance());
            if (expired > 0) {
                ledger.add(
                        customerId,
                        EntryType.EXPIRY,
                        -expired,
                        0,
                        BigDecimal.ZERO,
                        null,
                        null,
                        null,
                        "Unspent points older than " + months + " months",
                        now);
                written[0]++;
                written[1] += expired;
            }
        }
        return written;
    }

    /**
     * How many of the points the order earned have been written off by expiry (the customer's balance row locked by
     * the caller): a void or refund takes back only what is left of them.
     */
    long expiredOf(UUID customerId, UUID orderId) {
        return ExpiryLots.replay(expiry.ledger(customerId), UnaryOperator.identity())
                .expiredOf(orderId);
    }

    /** The customer's unspent points expiring within 30 days (or already due for the next run), soonest first. */
    List<LoyaltySummary.Expiring> expiring(UUID customerId, LoyaltyProgram settings, long balance) {
        Integer months = monthsOf(settings);
        if (months == null || balance <= 0) {
            return List.of();
        }
        OffsetDateTime until = OffsetDateTime.now(clock).plusDays(EXPIRING_DAYS);
        List<LoyaltySummary.Expiring> expiring = new ArrayList<>();
        long left = balance;
        for (ExpiryLots.Lot lot :
                ExpiryLots.replay(expiry.ledger(customerId), expiryOf(months)).expiringBy(until)) {
            long points = Math.min(lot.points(), left);
            if (points <= 0) {
                break;
            }
            expiring.add(new LoyaltySummary.Expiring(points, lot.expiresAt()));
            left -= points;
        }
        return expiring;
    }

    private static Integer monthsOf(LoyaltyProgram settings) {
        return Boolean.TRUE.equals(settings.enabled()) ? settings.pointsExpireAfterMonths() : null;
    }

    /** Points written on business day D expire when business day D + N months ends. */
    UnaryOperator<OffsetDateTime> expiryOf(int months) {
        return at -> shopTime.startOf(expiryDay(shopTime.dayOf(at), months));
    }

    /** The business day at whose start points written on {@code earned} have expired. */
    static LocalDate expiryDay(LocalDate earned, int months) {
        return earned.plusMonths(months).plusDays(1);
    }

    /** The last business day whose points have expired by {@code today} (months clamp: Jan 29-31 + 1 = Feb 28). */
    static LocalDate lastExpiredDay(LocalDate today, int months) {
        LocalDate last = today.minusDays(1).minusMonths(months);
        while (!expiryDay(last.plusDays(1), months).isAfter(today)) {
            last = last.plusDays(1);
        }
        return last;
    }

    /** Every lot written before this instant has expired by {@code now}; lots written from it on have not. */
    OffsetDateTime lotsExpiredBefore(int months, OffsetDateTime now) {
        return shopTime.startOf(lastExpiredDay(shopTime.dayOf(now), months).plusDays(1));
    }
}
