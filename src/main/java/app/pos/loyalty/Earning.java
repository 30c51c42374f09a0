package app.pos.loyalty;

import app.pos.customer.ConsentChannel;
import app.pos.customer.Consents;
import app.pos.order.OrderPlaced;
import app.pos.order.OrderVoided;
import app.pos.order.RefundAllocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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
 * while the program is enabled; a void takes back what its order earned (less what of it has expired: the same points
 * are not lost twice), whatever the balance then is. The
 * basis is the amount after the order's discount, so the part a reward paid earns nothing; a reward's points are
 * deducted before ({@link Redemption}, which runs first), so they cannot be paid with what the order earns. An
 * order that earns keeps its rate and its lines' shares of the basis ({@link EarningRepository}), by which its
 * refunds reverse ({@link RefundReversal}).
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class Earning {

    private final ProgramRepository program;
    private final LedgerRepository ledger;
    private final EarningRepository earnings;
    private final Tiers tiers;
    private final PointsExpiry expiry;
    private final Consents consents;
    private final Clock clock;

    Earning(
            ProgramRepository program,
            LedgerRepository ledger,
            EarningRepository earnings,
            Tiers tiers,
            PointsExpiry expiry,
            Consents consents,
            Clock clock) {
        this.program = program;
        this.ledger = ledger;
        this.earnings = earnings;
        this.tiers = tiers;
        this.expiry = expiry;
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
        LoyaltyProgram settings = program.load(); // one statement, as cheap as asking whether it is on
        if (!settings.enabled() || !consents.hasGranted(customerId, ConsentChannel.LOYALTY)) {
            return;
        }
        List<BigDecimal> shares = shares(placed, settings);
        BigDecimal basis = shares.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
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
        earnings.record(
                placed.orderId(),
                new EarningRepository.Rate(settings.pointsPerUnit(), multiplier),
                lines(placed, shares));
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
                    long held = earned.points() - expiry.expiredOf(earned.customerId(), voided.orderId());
                    ledger.add(
                            earned.customerId(),
                            EntryType.REVERSAL,
                            -held,
                            -held,
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
     * Each line's share of the basis (0 for a line of an excluded category). The basis is the eligible lines'
     * subtotal less the discount (a reward's, capped at that subtotal, so the part paid with points earns nothing),
     * with its share of the tax when the program earns after tax; it is split over the eligible lines in proportion
     * to their totals as refunds split the total ({@link RefundAllocation}), so that the refunded units' shares add
     * up to exactly the basis. The basis is their sum, to the cent.
     */
    static List<BigDecimal> shares(OrderPlaced order, LoyaltyProgram settings) {
        BigDecimal discount = order.discount() == null ? BigDecimal.ZERO : order.discount();
        BigDecimal taxable = order.subtotal().subtract(discount);
        Set<String> excluded = Set.copyOf(settings.excludedCategories());
        List<BigDecimal> eligibleTotals = order.lines().stream()
                .map(line -> excluded.contains(line.category()) ? BigDecimal.ZERO : line.lineTotal())
                .toList();
        BigDecimal eligible =
                eligibleTotals.stream().reduce(BigDecimal.ZERO, BigDecimal::add).subtract(discount);
        if (taxable.signum() <= 0 || eligible.signum() <= 0) {
            return order.lines().stream()
                    .map(line -> BigDecimal.ZERO.setScale(2))
                    .toList();
        }
        BigDecimal amount = settings.basis() == EarnBasis.AFTER_TAX
                ? eligible.multiply(order.total()).divide(taxable, 2, RoundingMode.HALF_EVEN)
                : eligible.setScale(2, RoundingMode.HALF_EVEN);
        return RefundAllocation.lineShares(amount, eligibleTotals);
    }

    /** The lines that earned, numbered as the order numbers them (from 1, in the order of its lines). */
    private static List<EarningRepository.Line> lines(OrderPlaced order, List<BigDecimal> shares) {
        List<EarningRepository.Line> lines = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            int units = order.lines().get(i).quantity();
            if (shares.get(i).signum() != 0 && units > 0) {
                lines.add(new EarningRepository.Line(i + 1, units, shares.get(i)));
            }
        }
        return lines;
    }
}
