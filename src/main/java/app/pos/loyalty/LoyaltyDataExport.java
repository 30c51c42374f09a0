package app.pos.loyalty;

import app.pos.customer.DataExportSection;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The {@code loyalty} section of a customer's data export: their balance, tier and every ledger entry. */
@Component
class LoyaltyDataExport implements DataExportSection {

    private final LedgerRepository ledger;

    LoyaltyDataExport(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    record Section(
            long balance, long lifetimeEarned, String tier, OffsetDateTime tierReachedAt, List<LedgerEntry> entries) {}

    @Override
    public String name() {
        return "loyalty";
    }

    @Override
    public Object export(UUID customerId) {
        LedgerRepository.Balance balance = ledger.balance(customerId);
        return new Section(
                balance.balance(),
                balance.lifetimeEarned(),
                balance.tier(),
                balance.tierReachedAt(),
                ledger.entries(customerId, 0, Integer.MAX_VALUE));
    }
}
