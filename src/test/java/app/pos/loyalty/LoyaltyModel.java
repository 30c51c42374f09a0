package app.pos.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The loyalty rules restated from the issue and the README, in memory, for {@link LoyaltyPropertiesContract}. It
 * knows no SQL and no application class: each operation says what the ledger, the balance and the tier must be
 * afterwards.
 *
 * <ul>
 *   <li>An order of a member earns floor(basis × pointsPerUnit × multiplier of the tier held before it). The
 *       orders here have no discount and earn before tax, so a line's basis is its line total (0 for an excluded
 *       category) and a unit's share is its price: the basis left after refunds is exact without the server's
 *       figures. (With a reward's discount, shares would be the after-discount amount split over the line totals.)
 *   <li>A void takes back what the order still holds; after refunds the order keeps floor(remaining basis × its own
 *       rate, whatever the program says now); a refund that changes neither points nor basis writes nothing.
 *   <li>Qualifying spend: the basis the customer's orders still hold, for orders placed in the last 365 days. The
 *       tier held is the highest the spend reaches, or a higher stored one reached less than 365 days ago. An order
 *       stores the higher of the tier before it and what the spend with it reaches, when that differs from the
 *       stored one (the reach date is when the stored tier last changed). A void or refund takes back a tier the
 *       order alone reached: when the order's is the last tier change, it raised the tier, and the spend now does
 *       not reach it, the tier and date before the order come back.
 *   <li>A merge moves the removed customer's entries, orders, tier changes and membership (when the kept one has
 *       no LOYALTY consent) to the kept one, sums the balances and keeps the higher of the two tiers held (with the summed spend); nothing at all for a removed customer
 *       without entries.
 *   <li>Expiry: every positive entry is a lot expiring at {@code expiryOf(written)}; a REVERSAL spends its order's
 *       lot first, every other debit the oldest lots first; debits beyond the lots are a debt that new lots pay
 *       first. A run writes off the unspent lots due, never more than a positive balance.
 * </ul>
 *
 * <p>Where the issue leaves room, the model follows the README and the code: the reach date changes only when the
 * stored tier does (reaching the same tier again does not restart its 365 days); lifetime earned is EARN plus
 * REVERSAL (adjustments and expiry do not count); a reversal takes back only what of its order's points has not
 * expired (earn 100, expire 100, void: 0, not -100); a merge keeps the date a side reached the tier it holds.
 */
final class LoyaltyModel {

    record Tier(String name, BigDecimal spend, BigDecimal multiplier) {}

    static final List<Tier> TIERS = List.of(
            new Tier("Bronze", new BigDecimal("0"), BigDecimal.ONE),
            new Tier("Silver", new BigDecimal("250.00"), new BigDecimal("1.25")),
            new Tier("Gold", new BigDecimal("1000.00"), new BigDecimal("1.5")));

    static final int WINDOW_DAYS = 365;

    enum Kind {
        EARN,
        REDEEM,
        RETURN,
        REVERSAL,
        ADJUSTMENT,
        EXPIRY,
        MERGE
    }

    record Entry(long seq, Kind kind, long points, UUID orderId, OffsetDateTime at) {}

    record Line(UUID productId, BigDecimal price, int quantity, boolean excluded) {}

    static final class Order {
        final UUID id;
        final OffsetDateTime at;
        final List<Line> lines;
        final int[] refunded;
        UUID customerId;
        boolean earned;
        BigDecimal pointsPerUnit;
        BigDecimal multiplier;
        long points;
        BigDecimal basis = BigDecimal.ZERO;
        boolean voided;
        long redeemed;
        BigDecimal discount = BigDecimal.ZERO;

        Order(UUID id, UUID customerId, OffsetDateTime at, List<Line> lines) {
            this.id = id;
            this.customerId = customerId;
            this.at = at;
            this.lines = List.copyOf(lines);
            this.refunded = new int[lines.size()];
        }

        int remaining(int line) {
            return lines.get(line).quantity() - refunded[line];
        }

        boolean hasRefunds() {
            for (int units : refunded) {
                if (units > 0) {
                    return true;
                }
            }
            return false;
        }
    }

    static final class Account {
        final UUID id;
        boolean member;
        final List<Entry> entries = new ArrayList<>();
        long balance;
        long lifetimeEarned;
        Tier tier;
        OffsetDateTime reachedAt;

        Account(UUID id, boolean member) {
            this.id = id;
            this.member = member;
        }
    }

    record TierChange(long seq, UUID customerId, Tier from, Tier to, OffsetDateTime previousReachedAt, UUID orderId) {}

    record Expiring(long points, OffsetDateTime expiresAt) {}

    private BigDecimal pointsPerUnit;
    private final UnaryOperator<OffsetDateTime> expiryOf;
    final Map<UUID, Account> accounts = new LinkedHashMap<>();
    final Map<UUID, Order> orders = new LinkedHashMap<>();
    private final List<TierChange> tierChanges = new ArrayList<>();
    private long seq;
    int tiersTakenBack;

    LoyaltyModel(BigDecimal pointsPerUnit, UnaryOperator<OffsetDateTime> expiryOf) {
        this.pointsPerUnit = pointsPerUnit;
        this.expiryOf = expiryOf;
    }

    Account add(UUID customerId, boolean member) {
        Account account = new Account(customerId, member);
        accounts.put(customerId, account);
        return account;
    }

    // ---- operations: one method per operation of the test, each returning what the app must answer ----

    /** Returns the points the order earns (0 for a non-member or a walk-in). */
    long order(UUID orderId, UUID customerId, List<Line> lines, OffsetDateTime at) {
        Order order = new Order(orderId, customerId, at, lines);
        orders.put(orderId, order);
        Account account = customerId == null ? null : accounts.get(customerId);
        if (account == null || !account.member) {
            return 0;
        }
        return earn(order, account, eligible(lines), at);
    }

    /**
     * What the app must answer to an order redeeming a reward of {@code points}: 422 for a non-member or an order of
     * excluded lines only (nothing to take the discount off), 409 when the balance is short, else 201.
     */
    int rewardStatus(UUID customerId, List<Line> lines, long points) {
        Account account = accounts.get(customerId);
        if (account == null || !account.member || eligible(lines).signum() == 0) {
            return 422;
        }
        return account.balance >= points ? 201 : 409;
    }

    /**
     * A placed order redeeming a reward: its points deducted first (REDEEM), a discount of the amount but at most the
     * eligible lines' subtotal, and points earned on the eligible subtotal less the discount. Returns them.
     */
    long redeem(UUID orderId, UUID customerId, List<Line> lines, long points, BigDecimal amount, OffsetDateTime at) {
        Order order = new Order(orderId, customerId, at, lines);
        orders.put(orderId, order);
        Account account = accounts.get(customerId);
        BigDecimal eligible = eligible(lines);
        order.discount = amount.min(eligible);
        order.redeemed = points;
        write(account, Kind.REDEEM, -points, orderId, at);
        return earn(order, account, eligible.subtract(order.discount), at);
    }

    private static BigDecimal eligible(List<Line> lines) {
        BigDecimal basis = BigDecimal.ZERO.setScale(2);
        for (Line line : lines) {
            basis = basis.add(unitBasis(line).multiply(BigDecimal.valueOf(line.quantity())));
        }
        return basis;
    }

    private long earn(Order order, Account account, BigDecimal basis, OffsetDateTime at) {
        UUID orderId = order.id;
        BigDecimal spendBefore = spend(account.id, at);
        Tier before = held(account.tier, account.reachedAt, spendBefore, at);
        order.earned = true;
        order.multiplier = before == null ? BigDecimal.ONE : before.multiplier();
        order.pointsPerUnit = pointsPerUnit;
        order.points = points(basis, order.pointsPerUnit, order.multiplier);
        order.basis = basis;
        write(account, Kind.EARN, order.points, orderId, at);
        account.lifetimeEarned += order.points;
        settle(account, higher(before, tierFor(spendBefore.add(basis))), orderId, at);
        return order.points;
    }

    /** Whether the app must void it (false: 409, an order with refunds); takes back what the order holds. */
    boolean voidOrder(UUID orderId, OffsetDateTime now) {
        Order order = orders.get(orderId);
        if (order.hasRefunds()) {
            return false;
        }
        order.voided = true;
        if (order.earned) {
            Account account = accounts.get(order.customerId);
            long held = order.points - expiredOf(account, orderId); // expired points are not lost twice
            write(account, Kind.REVERSAL, -held, orderId, now);
            account.lifetimeEarned -= held;
            order.points = 0;
            order.basis = BigDecimal.ZERO;
            undoTier(account, orderId, now);
        }
        if (order.redeemed > 0) { // returnRedeemedPointsOnVoid, on by default
            write(accounts.get(order.customerId), Kind.RETURN, order.redeemed, orderId, now);
        }
        return true;
    }

    /** Refunds {@code units[i]} units of line i; returns the points the refund takes back. */
    long refund(UUID orderId, int[] units, OffsetDateTime now) {
        Order order = orders.get(orderId);
        BigDecimal refundedBasis = BigDecimal.ZERO;
        for (int i = 0; i < units.length; i++) {
            order.refunded[i] += units[i];
            refundedBasis = refundedBasis.add(unitBasis(order.lines.get(i)).multiply(BigDecimal.valueOf(units[i])));
        }
        if (!order.earned) {
            return 0;
        }
        BigDecimal left = order.basis.subtract(refundedBasis);
        Account account = accounts.get(order.customerId);
        // at most what the order holds less what of it expired: expired points are not lost twice
        long reversed = Math.min(
                order.points - points(left, order.pointsPerUnit, order.multiplier),
                Math.max(0, order.points - expiredOf(account, orderId)));
        if (reversed == 0 && refundedBasis.signum() == 0) {
            return 0;
        }
        write(account, Kind.REVERSAL, -reversed, orderId, now);
        account.lifetimeEarned -= reversed;
        order.points -= reversed;
        order.basis = left;
        undoTier(account, orderId, now);
        return reversed;
    }

    /** The program's points per unit from now on; orders placed before keep theirs. */
    void pointsPerUnit(BigDecimal pointsPerUnit) {
        this.pointsPerUnit = pointsPerUnit;
    }

    void adjust(UUID customerId, long points, OffsetDateTime now) {
        write(accounts.get(customerId), Kind.ADJUSTMENT, points, null, now);
    }

    void merge(UUID keptId, UUID removedId, OffsetDateTime now) {
        Account kept = accounts.get(keptId);
        Account removed = accounts.remove(removedId);
        kept.member |= removed.member; // the LOYALTY consent moves to a kept customer without one
        orders.values().stream().filter(o -> removedId.equals(o.customerId)).forEach(o -> o.customerId = keptId);
        if (removed.entries.isEmpty()) {
            return;
        }
        kept.entries.addAll(removed.entries);
        kept.balance += removed.balance;
        kept.lifetimeEarned += removed.lifetimeEarned;
        tierChanges.replaceAll(c -> c.customerId().equals(removedId)
                ? new TierChange(c.seq(), keptId, c.from(), c.to(), c.previousReachedAt(), c.orderId())
                : c);
        write(kept, Kind.MERGE, 0, null, now);
        BigDecimal spend = spend(keptId, now);
        Tier tier =
                higher(held(kept.tier, kept.reachedAt, spend, now), held(removed.tier, removed.reachedAt, spend, now));
        // the tier keeps the date a side reached it (the later when both did); a tier neither side had is new now
        OffsetDateTime reachedAt = null;
        for (Account side : List.of(kept, removed)) {
            if (tier != null && tier == side.tier && side.reachedAt != null) {
                reachedAt = reachedAt == null || side.reachedAt.isAfter(reachedAt) ? side.reachedAt : reachedAt;
            }
        }
        if (tier != null && reachedAt == null) {
            reachedAt = now;
        }
        if (!Objects.equals(tier, kept.tier) || !Objects.equals(reachedAt, kept.reachedAt)) {
            tierChanges.add(new TierChange(++seq, kept.id, kept.tier, tier, kept.reachedAt, null));
            kept.tier = tier;
            kept.reachedAt = reachedAt;
        }
    }

    /** An expiry run at {@code now}: returns the points written off per customer. */
    Map<UUID, Long> expire(OffsetDateTime now) {
        Map<UUID, Long> written = new LinkedHashMap<>();
        for (Account account : accounts.values()) {
            if (account.balance <= 0) {
                continue;
            }
            long due = lots(account).stream()
                    .filter(lot -> !lot.expiresAt().isAfter(now))
                    .mapToLong(Expiring::points)
                    .sum();
            long expired = Math.min(due, account.balance);
            if (expired > 0) {
                write(account, Kind.EXPIRY, -expired, null, now);
                written.put(account.id, expired);
            }
        }
        return written;
    }

    // ---- what the summary must show ----

    BigDecimal spend(UUID customerId, OffsetDateTime at) {
        OffsetDateTime since = at.minusDays(WINDOW_DAYS);
        return orders.values().stream()
                .filter(o -> o.earned && customerId.equals(o.customerId) && !o.at.isBefore(since))
                .map(o -> o.basis)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    Tier tier(UUID customerId, OffsetDateTime now) {
        Account account = accounts.get(customerId);
        return held(account.tier, account.reachedAt, spend(customerId, now), now);
    }

    /** Unspent points expiring by {@code until} per expiry, soonest first, at most the balance in all. */
    List<Expiring> expiring(UUID customerId, OffsetDateTime until) {
        Account account = accounts.get(customerId);
        Map<OffsetDateTime, Long> byExpiry = new LinkedHashMap<>();
        for (Expiring lot : lots(account)) {
            if (!lot.expiresAt().isAfter(until)) {
                byExpiry.merge(lot.expiresAt(), lot.points(), Long::sum);
            }
        }
        List<Expiring> expiring = new ArrayList<>();
        long left = account.balance;
        for (Map.Entry<OffsetDateTime, Long> e : byExpiry.entrySet()) {
            long points = Math.min(e.getValue(), left);
            if (points <= 0) {
                break;
            }
            expiring.add(new Expiring(points, e.getKey()));
            left -= points;
        }
        return expiring;
    }

    // ---- the rules ----

    private static long points(BigDecimal basis, BigDecimal pointsPerUnit, BigDecimal multiplier) {
        return basis.multiply(pointsPerUnit)
                .multiply(multiplier)
                .setScale(0, RoundingMode.FLOOR)
                .longValueExact();
    }

    private static BigDecimal unitBasis(Line line) {
        return line.excluded() ? BigDecimal.ZERO : line.price();
    }

    static Tier tierFor(BigDecimal spend) {
        Tier reached = null;
        for (Tier tier : TIERS) {
            if (spend.compareTo(tier.spend()) >= 0) {
                reached = tier;
            }
        }
        return reached;
    }

    static Tier higher(Tier a, Tier b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return TIERS.indexOf(a) >= TIERS.indexOf(b) ? a : b;
    }

    private static Tier held(Tier stored, OffsetDateTime reachedAt, BigDecimal spend, OffsetDateTime at) {
        Tier fromSpend = tierFor(spend);
        boolean kept = stored != null
                && reachedAt != null
                && reachedAt.plusDays(WINDOW_DAYS).isAfter(at);
        return kept ? higher(stored, fromSpend) : fromSpend;
    }

    private void settle(Account account, Tier tier, UUID orderId, OffsetDateTime at) {
        if (!Objects.equals(tier, account.tier)) {
            tierChanges.add(new TierChange(++seq, account.id, account.tier, tier, account.reachedAt, orderId));
            account.tier = tier;
            account.reachedAt = at;
        }
    }

    private void undoTier(Account account, UUID orderId, OffsetDateTime now) {
        tierChanges.stream()
                .filter(c -> c.customerId().equals(account.id))
                .max(Comparator.comparingLong(TierChange::seq))
                .filter(c -> orderId.equals(c.orderId()))
                .ifPresent(last -> {
                    Tier reached = last.to();
                    boolean raised =
                            reached != null && reached != last.from() && higher(last.from(), reached) == reached;
                    Tier fromSpend = tierFor(spend(account.id, now));
                    if (raised && higher(fromSpend, reached) == reached && fromSpend != reached) {
                        tierChanges.add(new TierChange(
                                ++seq, account.id, account.tier, last.from(), account.reachedAt, orderId));
                        account.tier = last.from();
                        account.reachedAt = last.previousReachedAt();
                        tiersTakenBack++;
                    }
                });
    }

    private void write(Account account, Kind kind, long points, UUID orderId, OffsetDateTime at) {
        account.entries.add(new Entry(++seq, kind, points, orderId, at));
        account.balance += points;
    }

    /** The unspent lots, oldest first. */
    private List<Expiring> lots(Account account) {
        return replay(account, new HashMap<>());
    }

    /** How many of the points the order earned expiry runs wrote off (they spend the oldest lots first). */
    private long expiredOf(Account account, UUID orderId) {
        Map<UUID, Long> expired = new HashMap<>();
        replay(account, expired);
        return expired.getOrDefault(orderId, 0L);
    }

    /**
     * The ledger replayed in the order it was written: the unspent lots, oldest first; fills {@code expiredByOrder}
     * with what expiry wrote off of each order's own lot.
     */
    private List<Expiring> replay(Account account, Map<UUID, Long> expiredByOrder) {
        final class Lot {
            final OffsetDateTime expiresAt;
            long points;
            long expired;

            Lot(OffsetDateTime expiresAt, long points) {
                this.expiresAt = expiresAt;
                this.points = points;
            }
        }
        List<Entry> written = new ArrayList<>(account.entries);
        written.sort(Comparator.comparing(Entry::at).thenComparingLong(Entry::seq));
        Deque<Lot> lots = new ArrayDeque<>();
        Map<UUID, Lot> earnedBy = new HashMap<>();
        long debt = 0;
        for (Entry entry : written) {
            if (entry.points() > 0) {
                long paid = Math.min(debt, entry.points());
                debt -= paid;
                Lot lot = new Lot(expiryOf.apply(entry.at()), entry.points() - paid);
                lots.addLast(lot);
                if (entry.kind() == Kind.EARN) {
                    earnedBy.put(entry.orderId(), lot);
                }
            } else if (entry.points() < 0) {
                long owed = -entry.points();
                Lot own = entry.kind() == Kind.REVERSAL ? earnedBy.get(entry.orderId()) : null;
                if (own != null) {
                    long taken = Math.min(own.points, owed);
                    own.points -= taken;
                    owed -= taken;
                }
                for (Lot lot : lots) {
                    long taken = Math.min(lot.points, owed);
                    lot.points -= taken;
                    owed -= taken;
                    if (entry.kind() == Kind.EXPIRY) {
                        lot.expired += taken;
                    }
                }
                debt += owed;
            }
        }
        earnedBy.forEach((order, lot) -> expiredByOrder.put(order, lot.expired));
        return lots.stream()
                .filter(lot -> lot.points > 0)
                .map(lot -> new Expiring(lot.points, lot.expiresAt))
                .toList();
    }
}
