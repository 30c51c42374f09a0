package app.pos.loyalty;

import app.pos.customer.ConsentChannel;
import app.pos.customer.ConsentSource;
import app.pos.customer.ConsentState;
import app.pos.customer.Consents;
import app.pos.customer.CustomerService;
import app.pos.customer.PersonalMentions;
import app.pos.shared.FieldError;
import app.pos.shared.InvalidInput;
import app.pos.shared.PageResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's loyalty account: the summary, the ledger's entries, joining the program and manual adjustments. */
@Service
public class LoyaltyAccounts {

    static final long MAX_ADJUSTMENT = 1_000_000;

    private final CustomerService customers;
    private final Consents consents;
    private final ProgramRepository program;
    private final LedgerRepository ledger;
    private final Tiers tiers;
    private final PointsExpiry expiry;
    private final Clock clock;

    LoyaltyAccounts(
            CustomerService customers,
            Consents consents,
            ProgramRepository program,
            LedgerRepository ledger,
            Tiers tiers,
            PointsExpiry expiry,
            Clock clock) {
        this.customers = customers;
        this.consents = consents;
        this.program = program;
        this.ledger = ledger;
        this.tiers = tiers;
        this.expiry = expiry;
        this.clock = clock;
    }

    /** The customer's standing now; {@link app.pos.customer.CustomerNotFound} for an unknown id. */
    @Transactional(readOnly = true)
    public LoyaltySummary summary(UUID customerId) {
        customers.get(customerId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        LoyaltyProgram settings = program.load();
        LedgerRepository.Balance balance = ledger.balance(customerId);
        BigDecimal spend = tiers.qualifyingSpend(customerId, now);
        LoyaltyProgram.Tier tier = Tiers.held(settings, balance, spend, now);
        LoyaltyProgram.Tier next = settings.above(tier);
        return new LoyaltySummary(
                consents.hasGranted(customerId, ConsentChannel.LOYALTY),
                balance.balance(),
                balance.lifetimeEarned(),
                tier == null ? null : tier.name(),
                spend,
                next == null
                        ? null
                        : new LoyaltySummary.NextTier(
                                next.name(),
                                next.qualifyingSpend().subtract(spend).max(BigDecimal.ZERO)),
                expiry.expiring(customerId, settings, balance.balance()));
    }

    /** Entries newest first. */
    @Transactional(readOnly = true)
    public PageResult<LedgerEntry> entries(UUID customerId, int page, int size) {
        customers.get(customerId);
        return PageResult.fromProbe(ledger.entries(customerId, page * size, size + 1), page, size);
    }

    /** Makes the customer a member: grants the LOYALTY consent (recorded with its wording and history). */
    @Transactional
    public LoyaltySummary enrol(UUID customerId, ConsentSource source) {
        // No balance row yet: the first entry creates it. Locking it here, after the consent has locked the
        // customer, would take the two locks in the opposite order to an order's listeners.
        consents.record(customerId, ConsentChannel.LOYALTY, ConsentState.GRANTED, source);
        return summary(customerId);
    }

    /** A manual correction by a MANAGER or ADMIN, with its reason; it may take the balance below zero. */
    @Transactional
    public LedgerEntry adjust(UUID customerId, Long points, String reason, String staff) {
        List<FieldError> errors = new ArrayList<>();
        if (points == null || points == 0 || Math.abs(points) > MAX_ADJUSTMENT) {
            errors.add(new FieldError("points", "must be a whole number from -1000000 to 1000000, not 0"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500 || why.matches(".*\\p{Cntrl}.*")) {
            errors.add(new FieldError("reason", "is required: 1 to 500 characters without control characters"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields(errors);
        }
        if (PersonalMentions.namesThePerson(why, customers.get(customerId))) {
            throw InvalidInput.field("reason", "must not hold the customer's name, phone number or e-mail");
        }
        ledger.lock(customerId);
        ledger.add(
                customerId,
                EntryType.ADJUSTMENT,
                points,
                0,
                BigDecimal.ZERO,
                null,
                null,
                staff,
                why,
                OffsetDateTime.now(clock));
        return ledger.entries(customerId, 0, 1).get(0);
    }
}
