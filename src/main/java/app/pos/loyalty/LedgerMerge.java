package app.pos.loyalty;

import app.pos.customer.CustomersMerged;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two customers became one, in the merge's transaction: the removed customer's entries move to the kept one,
 * the balances are summed, and a MERGE entry (0 points, since the moved entries already carry them) records how many
 * points came. The tier is the higher of the two held, or what the summed qualifying spend reaches.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class LedgerMerge {

    private final ProgramRepository program;
    private final LedgerRepository ledger;
    private final Tiers tiers;
    private final Clock clock;

    LedgerMerge(ProgramRepository program, LedgerRepository ledger, Tiers tiers, Clock clock) {
        this.program = program;
        this.ledger = ledger;
        this.tiers = tiers;
        this.clock = clock;
    }

    @EventListener
    void on(CustomersMerged merged) {
        // Locks in id order, so two merges touching the same customers cannot deadlock.
        boolean keptFirst = merged.keptId().compareTo(merged.removedId()) < 0;
        LedgerRepository.Balance first = ledger.lock(keptFirst ? merged.keptId() : merged.removedId());
        LedgerRepository.Balance second = ledger.lock(keptFirst ? merged.removedId() : merged.keptId());
        LedgerRepository.Balance kept = keptFirst ? first : second;
        LedgerRepository.Balance removed = keptFirst ? second : first;
        if (removed.equals(LedgerRepository.Balance.NONE) && !ledger.hasEntries(merged.removedId())) {
            ledger.deleteBalance(merged.removedId());
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        ledger.move(merged.removedId(), merged.keptId());
        ledger.add(
                merged.keptId(),
                EntryType.MERGE,
                0,
                0,
                BigDecimal.ZERO,
                null,
                null,
                null,
                "Merged a duplicate record: " + removed.balance() + " points",
                now);
        LoyaltyProgram settings = program.load();
        BigDecimal spend = tiers.qualifyingSpend(merged.keptId(), now);
        LoyaltyProgram.Tier held =
                settings.higher(Tiers.held(settings, kept, spend, now), Tiers.held(settings, removed, spend, now));
        tiers.settleMerged(merged.keptId(), kept, removed, held, now);
    }
}
