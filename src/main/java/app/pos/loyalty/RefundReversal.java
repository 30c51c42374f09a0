package app.pos.loyalty;

import app.pos.order.OrderRefunded;
import app.pos.order.RefundAllocation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A refund takes back points in its own transaction, so that the order keeps what it would have earned without all
 * its refunded units: floor(remaining basis × points per unit × multiplier), at the rate and with the lines' basis
 * shares kept when it earned. The refunded units' share of the basis comes off as {@link RefundAllocation} splits a
 * line's share over its units, so refunding every unit leaves exactly 0 basis and 0 points. Each refund writes one
 * REVERSAL (the unique key on its refund stops a second), unless it changes neither points nor basis (only units of
 * excluded lines); it may take the balance below zero, gives no redeemed points back, lowers the qualifying spend at
 * the order's time and takes back a tier the order alone reached. Points of the order that have expired are not taken
 * a second time: the reversal is at most what the order holds less what of it expired. Orders that earned nothing are
 * not touched.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class RefundReversal {

    private final ProgramRepository program;
    private final LedgerRepository ledger;
    private final EarningRepository earnings;
    private final Tiers tiers;
    private final PointsExpiry expiry;
    private final Clock clock;

    RefundReversal(
            ProgramRepository program,
            LedgerRepository ledger,
            EarningRepository earnings,
            Tiers tiers,
            PointsExpiry expiry,
            Clock clock) {
        this.program = program;
        this.ledger = ledger;
        this.earnings = earnings;
        this.tiers = tiers;
        this.expiry = expiry;
        this.clock = clock;
    }

    @EventListener
    @Order(100) // after CustomerStats: customer row, then balance, as a merge locks them
    void on(OrderRefunded refunded) {
        // the refund holds its order's row lock: the order's other refunds wait, so what it holds cannot move
        ledger.earnedBy(refunded.orderId())
                .ifPresent(earned -> earnings.rate(refunded.orderId())
                        .filter(rate -> !earnings.hasRefundEntry(refunded.refundId()))
                        .ifPresent(rate -> {
                            BigDecimal basis = refundedBasis(refunded, earnings.lines(refunded.orderId()));
                            EarningRepository.Held held = earnings.held(refunded.orderId());
                            long net = held.basis()
                                    .subtract(basis)
                                    .multiply(rate.pointsPerUnit())
                                    .multiply(rate.multiplier())
                                    .setScale(0, RoundingMode.FLOOR)
                                    .longValueExact();
                            LedgerRepository.Balance balance = ledger.lock(earned.customerId());
                            long expired = expiry.expiredOf(earned.customerId(), refunded.orderId());
                            long reversed = Math.min(held.points() - net, Math.max(0, held.points() - expired));
                            if (reversed == 0 && basis.signum() == 0) {
                                return;
                            }
                            OffsetDateTime now = OffsetDateTime.now(clock);
                            ledger.addRefundReversal(
                                    earned.customerId(),
                                    -reversed,
                                    basis.negate(),
                                    earned.spendAt(),
                                    refunded.orderId(),
                                    refunded.refundId(),
                                    refunded.staff(),
                                    now);
                            tiers.undo(program.load(), earned.customerId(), balance, refunded.orderId(), now);
                        }));
    }

    /** The refunded units' share of the basis of the eligible lines they come from. */
    static BigDecimal refundedBasis(OrderRefunded refunded, Map<Integer, EarningRepository.Line> lines) {
        BigDecimal basis = BigDecimal.ZERO.setScale(2);
        for (OrderRefunded.Line line : refunded.lines()) {
            EarningRepository.Line earned = lines.get(line.lineNo());
            if (earned != null) {
                basis = basis.add(
                        RefundAllocation.units(earned.basis(), earned.units(), line.refundedBefore(), line.quantity()));
            }
        }
        return basis;
    }
}
