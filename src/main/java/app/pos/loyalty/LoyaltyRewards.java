package app.pos.loyalty;

import app.pos.customer.ConsentChannel;
import app.pos.customer.Consents;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rewards a customer can redeem now, as the till offers them. */
@Service
public class LoyaltyRewards {

    private final ProgramRepository program;
    private final LedgerRepository ledger;
    private final Consents consents;

    LoyaltyRewards(ProgramRepository program, LedgerRepository ledger, Consents consents) {
        this.program = program;
        this.ledger = ledger;
        this.consents = consents;
    }

    /**
     * The program's active rewards the balance covers, cheapest first; none for a non-member, while the program is
     * off, or while the balance is below zero.
     */
    @Transactional(readOnly = true)
    public List<LoyaltyProgram.Reward> affordable(UUID customerId) {
        if (!program.enabled() || !consents.hasGranted(customerId, ConsentChannel.LOYALTY)) {
            return List.of();
        }
        long balance = ledger.balance(customerId).balance();
        return program.load().rewards().stream()
                .filter(r -> r.active() && r.points() <= balance)
                .sorted(Comparator.comparing(LoyaltyProgram.Reward::points))
                .toList();
    }
}
