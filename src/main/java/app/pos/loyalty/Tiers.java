package app.pos.loyalty;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Which tier a customer holds: the highest their qualifying spend (last 365 days) reaches, or a higher one they
 * reached less than 365 days ago (kept that long, then recomputed). Changes are recorded with their time.
 */
@Component
class Tiers {

    static final int WINDOW_DAYS = 365;

    private final LedgerRepository ledger;
    private final TierRepository repository;

    Tiers(LedgerRepository ledger, TierRepository repository) {
        this.ledger = ledger;
        this.repository = repository;
    }

    BigDecimal qualifyingSpend(UUID customerId, OffsetDateTime at) {
        return ledger.spendSince(customerId, at.minusDays(WINDOW_DAYS));
    }

    static LoyaltyProgram.Tier held(
            LoyaltyProgram program, LedgerRepository.Balance balance, BigDecimal spend, OffsetDateTime at) {
        LoyaltyProgram.Tier fromSpend = program.tierFor(spend);
        LoyaltyProgram.Tier stored = program.tierNamed(balance.tier());
        boolean kept = stored != null
                && balance.tierReachedAt() != null
                && balance.tierReachedAt().plusDays(WINDOW_DAYS).isAfter(at);
        return kept ? program.higher(stored, fromSpend) : fromSpend;
    }

    /** Records {@code now} as the customer's tier if it differs from the stored one (balance row locked). */
    void settle(
            UUID customerId,
            LedgerRepository.Balance balance,
            LoyaltyProgram.Tier now,
            UUID orderId,
            OffsetDateTime at) {
        String name = now == null ? null : now.name();
        if (!Objects.equals(name, balance.tier())) {
            repository.change(customerId, balance.tier(), balance.tierReachedAt(), name, at, orderId, at);
        }
    }

    /**
     * After a merge: the kept customer holds {@code held}, the higher of what each of the two held. Its reach date is
     * the one a side stored for it (the later when both did), so a merge neither restarts a tier's 365 days nor cuts
     * them short; only a tier neither side stored (their spend together reaches it) is reached at {@code at}.
     */
    void settleMerged(
            UUID customerId,
            LedgerRepository.Balance kept,
            LedgerRepository.Balance removed,
            LoyaltyProgram.Tier held,
            OffsetDateTime at) {
        String name = held == null ? null : held.name();
        OffsetDateTime reachedAt = null;
        for (LedgerRepository.Balance side : List.of(kept, removed)) {
            if (name != null && name.equals(side.tier()) && side.tierReachedAt() != null) {
                reachedAt =
                        reachedAt == null || side.tierReachedAt().isAfter(reachedAt) ? side.tierReachedAt() : reachedAt;
            }
        }
        if (name != null && reachedAt == null) {
            reachedAt = at;
        }
        if (!Objects.equals(name, kept.tier()) || !Objects.equals(reachedAt, kept.tierReachedAt())) {
            repository.change(customerId, kept.tier(), kept.tierReachedAt(), name, reachedAt, null, at);
        }
    }

    /**
     * After a void or a refund: if the order's was the last tier change, it raised the tier, and the spend without
     * what the order no longer contributes does not reach that tier, the customer goes back to the tier (and its
     * date) they had before the order. A change that lowered the tier (an earlier undo) is never undone.
     */
    void undo(
            LoyaltyProgram program,
            UUID customerId,
            LedgerRepository.Balance balance,
            UUID orderId,
            OffsetDateTime at) {
        repository.last(customerId).filter(c -> orderId.equals(c.orderId())).ifPresent(change -> {
            LoyaltyProgram.Tier reached = program.tierNamed(change.toTier());
            LoyaltyProgram.Tier from = program.tierNamed(change.fromTier());
            LoyaltyProgram.Tier fromSpend = program.tierFor(qualifyingSpend(customerId, at));
            boolean raised = reached != null && reached != from && program.higher(from, reached) == reached;
            if (raised && program.higher(fromSpend, reached) == reached && fromSpend != reached) {
                repository.change(
                        customerId,
                        balance.tier(),
                        balance.tierReachedAt(),
                        change.fromTier(),
                        change.previousReachedAt(),
                        orderId,
                        at);
            }
        });
    }
}
