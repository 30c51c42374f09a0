package app.pos.loyalty;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Which of a customer's points are still unspent, and when they expire: the ledger replayed as lots, first in first
 * out. Entries are taken in the order they were written (created_at, then id).
 *
 * <ul>
 *   <li>Every positive entry is a lot (EARN, RETURN, a positive ADJUSTMENT, a positive MERGE), expiring at
 *       {@code expiryOf(created_at)}: a positive adjustment or a returned redemption gets a full period of its own.
 *       Entries a merge moved keep their own dates.
 *   <li>A REVERSAL with an order id takes its points from that order's EARN lot first (a void, or a partial refund:
 *       several reversals may reduce one lot); what that lot no longer holds, it takes like any other debit.
 *   <li>Every other negative entry (REDEEM, a negative ADJUSTMENT, an earlier EXPIRY, a REVERSAL without an order)
 *       spends the soonest-expiring unspent lots first. A debit larger than the unspent lots leaves a debt (the
 *       balance is below zero), which the next lots pay off before they count as unspent.
 * </ul>
 *
 * So the unspent lots, less the debt, always sum to the balance, and unspent lots exist only when there is no
 * debt: expiring them never takes the balance below zero. {@code expiryOf} must never decrease with time, so the
 * oldest lot is always the soonest to expire; it does not matter which months setting earlier EXPIRY entries were
 * written under, since they spend from the oldest lots too. Writing an EXPIRY entry for {@link #expiredBy} and
 * replaying again gives 0: the same lot never expires twice.
 */
final class ExpiryLots {

    /** What the replay needs of a ledger entry. */
    record Entry(long id, EntryType type, long points, UUID orderId, OffsetDateTime createdAt) {}

    /** Unspent points of one lot. */
    record Lot(OffsetDateTime expiresAt, long points) {}

    private static final Comparator<Entry> WRITTEN =
            Comparator.comparing(Entry::createdAt).thenComparingLong(Entry::id);

    private final List<Lot> unspent;
    private final long debt;
    private final Map<UUID, Long> expiredByOrder;

    private ExpiryLots(List<Lot> unspent, long debt, Map<UUID, Long> expiredByOrder) {
        this.unspent = unspent;
        this.debt = debt;
        this.expiredByOrder = expiredByOrder;
    }

    private static final class Open {
        final OffsetDateTime expiresAt;
        long points;
        long expired;

        Open(OffsetDateTime expiresAt, long points) {
            this.expiresAt = expiresAt;
            this.points = points;
        }
    }

    static ExpiryLots replay(List<Entry> entries, UnaryOperator<OffsetDateTime> expiryOf) {
        List<Entry> ordered = new ArrayList<>(entries);
        ordered.sort(WRITTEN);
        Deque<Open> lots = new ArrayDeque<>();
        Map<UUID, Open> earnedBy = new HashMap<>();
        long debt = 0;
        for (Entry entry : ordered) {
            if (entry.points() > 0) {
                long paid = Math.min(debt, entry.points());
                debt -= paid;
                Open lot = new Open(expiryOf.apply(entry.createdAt()), entry.points() - paid);
                lots.addLast(lot);
                if (entry.type() == EntryType.EARN && entry.orderId() != null) {
                    earnedBy.put(entry.orderId(), lot);
                }
            } else if (entry.points() < 0) {
                long owed = -entry.points();
                Open own = entry.type() == EntryType.REVERSAL && entry.orderId() != null
                        ? earnedBy.get(entry.orderId())
                        : null;
                if (own != null) {
                    long taken = Math.min(own.points, owed);
                    own.points -= taken;
                    owed -= taken;
                }
                while (owed > 0 && !lots.isEmpty()) {
                    Open oldest = lots.peekFirst();
                    long taken = Math.min(oldest.points, owed);
                    oldest.points -= taken;
                    owed -= taken;
                    if (entry.type() == EntryType.EXPIRY) {
                        oldest.expired += taken;
                    }
                    if (oldest.points == 0) {
                        lots.removeFirst();
                    }
                }
                debt += owed;
            }
        }
        List<Lot> unspent = lots.stream()
                .filter(lot -> lot.points > 0)
                .map(lot -> new Lot(lot.expiresAt, lot.points))
                .toList();
        Map<UUID, Long> expiredByOrder = new HashMap<>();
        earnedBy.forEach((order, lot) -> expiredByOrder.put(order, lot.expired));
        return new ExpiryLots(unspent, debt, expiredByOrder);
    }

    /**
     * How many of the points the order earned were written off by expiry: a void or refund after that takes back
     * only the rest, or the customer would lose the same points twice.
     */
    long expiredOf(UUID orderId) {
        return expiredByOrder.getOrDefault(orderId, 0L);
    }

    /** Unspent lots, soonest-expiring first. */
    List<Lot> unspent() {
        return unspent;
    }

    /** Points debited beyond every lot: the balance's amount below zero. */
    long debt() {
        return debt;
    }

    /** Unspent points whose expiry is at or before {@code now}: what an expiry run writes off. */
    long expiredBy(OffsetDateTime now) {
        return unspent.stream()
                .filter(lot -> !lot.expiresAt().isAfter(now))
                .mapToLong(Lot::points)
                .sum();
    }

    /** Unspent points expiring at or before {@code until}, summed per expiry, soonest first. */
    List<Lot> expiringBy(OffsetDateTime until) {
        Map<OffsetDateTime, Long> byExpiry = new LinkedHashMap<>();
        for (Lot lot : unspent) {
            if (!lot.expiresAt().isAfter(until)) {
                byExpiry.merge(lot.expiresAt(), lot.points(), Long::sum);
            }
        }
        return byExpiry.entrySet().stream()
                .map(e -> new Lot(e.getKey(), e.getValue()))
                .toList();
    }
}
