package app.pos.loyalty;

import app.pos.customer.ConsentChannel;
import app.pos.customer.Consents;
import app.pos.order.OrderPlaced;
import app.pos.order.OrderVoided;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points follow orders synchronously, in the order's transaction: an order that rolls back earns nothing, and a
 * failure here rolls the order back. Only members (LOYALTY consent granted when the order is placed) earn, and only
 * while the program is enabled; a void takes back exactly what its order earned, whatever the balance then is. The
 * basis is the amount after the order's discount, so the part a reward paid earns nothing; a reward's points are
 * deducted before ({@link Redemption}, which runs first), so they cannot be paid with what the order earns.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class Earning {

    private final ProgramRepository program;
    private final LedgerRepository ledger;
    private final Tiers tiers;
    private final Consents consents;
    private final Clock clock;

    Earning(ProgramRepository program, LedgerRepository ledger, Tiers tiers, Consents consents, Clock clock) {
        this.program = program;
        this.ledger = ledger;
        this.tiers = tiers;
        this.consents = consents;
        this.clock = clock;
    }

    @EventListener
    @Order(100) // after CustomerStats: customer row, then balance, as a merge locks them
    void on(OrderPlaced placed) {
        UUID customerId = placed.customerId();
        if (customerId == null) {
            return;
        }
        if (!program.enabled() || !consents.hasGranted(customerId, ConsentChannel.LOYALTY)) {
            return;
        }
        LoyaltyProgram settings = program.load();
        BigDecimal basis = basis(placed, settings);
        OffsetDateTime at = placed.placedAt();
        LedgerRepository.Balance balance = ledger.lock(customerId);
        BigDecimal spendBefore = tiers.qualifyingSpend(customerId, at);
        LoyaltyProgram.Tier before = Tiers.held(settings, balance, spendBefore, at);
        BigDecimal multiplier = before == null ? BigDecimal.ONE : before.multiplier();
        long points = basis.multiply(settings.pointsPerUnit())
                .multiply(multiplier)
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
        LoyaltyProgram.Tier after = settings.higher(before, settings.tierFor(spendBefore.add(basis)));
        ledger.earn(
                customerId,
                points,
                basis,
                at,
                placed.orderId(),
                placed.staff(),
                OffsetDateTime.now(clock),
                balance.balance() + points,
                after == null ? null : after.name());
        tiers.settle(customerId, balance, after, placed.orderId(), at);
    }

    @EventListener
    @Order(100) // after CustomerStats: customer row, then balance, as a merge locks them
    void on(OrderVoided voided) {
        ledger.earnedBy(voided.orderId())
                .filter(earned -> !ledger.hasEntry(voided.orderId(), EntryType.REVERSAL))
                .ifPresent(earned -> {
                    OffsetDateTime now = OffsetDateTime.now(clock);
                    LedgerRepository.Balance balance = ledger.lock(earned.customerId());
                    ledger.add(
                            earned.customerId(),
                            EntryType.REVERSAL,
                            -earned.points(),
                            -earned.points(),
                            earned.basis().negate(),
                            earned.spendAt(),
                            voided.orderId(),
                            voided.staff(),
                            null,
                            now);
                    tiers.undo(program.load(), earned.customerId(), balance, voided.orderId(), now);
                });
    }

    /**
     * The order's amount after discounts, before or after tax, without lines in excluded categories, to the cent. The
     * discount (a reward's) comes off the eligible lines only (it is capped at their subtotal), so the part paid with
     * points earns nothing; after tax, the eligible part carries its share of the tax.
     */
    static BigDecimal basis(OrderPlaced order, LoyaltyProgram settings) {
        BigDecimal discount = order.discount() == null ? BigDecimal.ZERO : order.discount();
        BigDecimal taxable = order.subtotal().subtract(discount);
        Set<String> excluded = Set.copyOf(settings.excludedCategories());
        BigDecimal eligible = order.lines().stream()
                .filter(line -> !excluded.contains(line.category()))
                .map(OrderPlaced.Line::lineTotal)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .subtract(discount);
        if (taxable.signum() <= 0 || eligible.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return settings.basis() == EarnBasis.AFTER_TAX
                ? eligible.multiply(order.total()).divide(taxable, 2, RoundingMode.HALF_EVEN)
                : eligible.setScale(2, RoundingMode.HALF_EVEN);
    }
}
