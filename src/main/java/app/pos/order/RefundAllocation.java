package app.pos.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How much of what the customer paid a refund gives back, by cumulative rounding: the order's total is split over
 * its lines in proportion to their line totals, and a line's share over its units, each as the difference of two
 * rounded running totals (half-up, to the cent). A running total at the end is the whole, so refunding every unit,
 * in any number of partial refunds and in any order, gives back exactly the order's total; and the amount of a
 * refund depends only on how many units of the line were refunded before it, never on the refunds' order.
 *
 * <p>Public so that what follows a refund's amounts allocates its own amounts the same way: loyalty splits an
 * order's earn basis over its lines and units with it, so that refunding every unit takes back exactly the basis.
 */
public final class RefundAllocation {

    private RefundAllocation() {}

    /** Each line's share of {@code total}, in proportion to the line totals; the shares sum to {@code total}. */
    public static List<BigDecimal> lineShares(BigDecimal total, List<BigDecimal> lineTotals) {
        BigDecimal subtotal = lineTotals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BigDecimal> shares = new ArrayList<>(lineTotals.size());
        BigDecimal running = BigDecimal.ZERO;
        BigDecimal before = BigDecimal.ZERO.setScale(2);
        for (int i = 0; i < lineTotals.size(); i++) {
            running = running.add(lineTotals.get(i));
            BigDecimal upTo;
            if (i == lineTotals.size() - 1) {
                upTo = total.setScale(2, RoundingMode.HALF_UP);
            } else if (subtotal.signum() == 0) {
                upTo = BigDecimal.ZERO.setScale(2);
            } else {
                upTo = total.multiply(running).divide(subtotal, 2, RoundingMode.HALF_UP);
            }
            shares.add(upTo.subtract(before));
            before = upTo;
        }
        return shares;
    }

    /**
     * What refunding {@code quantity} more units of a line gives back, when {@code refundedBefore} of its
     * {@code sold} units were refunded earlier and the line's share of the total is {@code share}.
     */
    public static BigDecimal units(BigDecimal share, int sold, int refundedBefore, int quantity) {
        if (quantity < 1 || refundedBefore < 0 || refundedBefore + quantity > sold) {
            throw new IllegalArgumentException(
                    "cannot refund " + quantity + " after " + refundedBefore + " of " + sold + " units");
        }
        return runningShare(share, sold, refundedBefore + quantity).subtract(runningShare(share, sold, refundedBefore));
    }

    private static BigDecimal runningShare(BigDecimal share, int sold, int units) {
        return share.multiply(BigDecimal.valueOf(units)).divide(BigDecimal.valueOf(sold), 2, RoundingMode.HALF_UP);
    }
}
