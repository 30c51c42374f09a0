package app.pos.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The FIFO replay: hand-written cases, then seeded random ledgers compared with a model that keeps every point as
 * its own unit (the seed is printed, so a failure can be replayed).
 */
class ExpiryLotsTests {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2030, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final UnaryOperator<OffsetDateTime> TWELVE_MONTHS = at -> at.plusMonths(12);

    private long ids;

    private ExpiryLots.Entry entry(EntryType type, long points, UUID order, int day) {
        return new ExpiryLots.Entry(++ids, type, points, order, T0.plusDays(day));
    }

    @Test
    void aRedemptionSpendsTheOldestLotSoTheLaterOneSurvives() {
        ExpiryLots lots = ExpiryLots.replay(
                List.of(
                        entry(EntryType.EARN, 100, UUID.randomUUID(), 0),
                        entry(EntryType.EARN, 50, UUID.randomUUID(), 10),
                        entry(EntryType.REDEEM, -120, UUID.randomUUID(), 20)),
                TWELVE_MONTHS);

        assertThat(lots.unspent())
                .containsExactly(new ExpiryLots.Lot(T0.plusDays(10).plusMonths(12), 30));
        assertThat(lots.expiredBy(T0.plusMonths(12))).isZero();
        assertThat(lots.expiredBy(T0.plusDays(10).plusMonths(12))).isEqualTo(30);
    }

    @Test
    void aReversalTakesItsOwnOrdersLotNotTheOldest() {
        UUID later = UUID.randomUUID();
        ExpiryLots lots = ExpiryLots.replay(
                List.of(
                        entry(EntryType.EARN, 100, UUID.randomUUID(), 0),
                        entry(EntryType.EARN, 50, later, 10),
                        entry(EntryType.REVERSAL, -20, later, 11),
                        entry(EntryType.REVERSAL, -30, later, 12)),
                TWELVE_MONTHS);

        assertThat(lots.unspent()).containsExactly(new ExpiryLots.Lot(T0.plusMonths(12), 100));
    }

    @Test
    void whatAReversalsLotNoLongerHoldsComesFromTheOldestThenBecomesDebtThatLaterLotsPay() {
        UUID order = UUID.randomUUID();
        ExpiryLots lots = ExpiryLots.replay(
                List.of(
                        entry(EntryType.EARN, 100, order, 0),
                        entry(EntryType.ADJUSTMENT, 40, null, 1),
                        entry(EntryType.REDEEM, -90, UUID.randomUUID(), 2),
                        entry(EntryType.REVERSAL, -100, order, 3)),
                TWELVE_MONTHS);
        assertThat(lots.unspent()).isEmpty();
        assertThat(lots.debt()).isEqualTo(50);
        assertThat(lots.expiredBy(T0.plusYears(5))).isZero();

        List<ExpiryLots.Entry> more = new ArrayList<>(List.of(
                entry(EntryType.EARN, 100, order, 0),
                entry(EntryType.ADJUSTMENT, 40, null, 1),
                entry(EntryType.REDEEM, -90, UUID.randomUUID(), 2),
                entry(EntryType.REVERSAL, -100, order, 3),
                entry(EntryType.EARN, 70, UUID.randomUUID(), 4)));
        assertThat(ExpiryLots.replay(more, TWELVE_MONTHS).unspent())
                .containsExactly(new ExpiryLots.Lot(T0.plusDays(4).plusMonths(12), 20));
    }

    @Test
    void anExpiryEntryForWhatExpiredLeavesNothingMoreToExpire() {
        List<ExpiryLots.Entry> ledger = new ArrayList<>(List.of(
                entry(EntryType.EARN, 100, UUID.randomUUID(), 0),
                entry(EntryType.ADJUSTMENT, 30, null, 40),
                entry(EntryType.ADJUSTMENT, -10, null, 50)));
        OffsetDateTime now = T0.plusMonths(12).plusDays(1);
        long expired = ExpiryLots.replay(ledger, TWELVE_MONTHS).expiredBy(now);
        assertThat(expired).isEqualTo(90);

        ledger.add(new ExpiryLots.Entry(++ids, EntryType.EXPIRY, -expired, null, now));

        ExpiryLots after = ExpiryLots.replay(ledger, TWELVE_MONTHS);
        assertThat(after.expiredBy(now)).isZero();
        assertThat(after.unspent())
                .containsExactly(new ExpiryLots.Lot(T0.plusDays(40).plusMonths(12), 30));
    }

    @Test
    void expiringSumsThePointsOfEachExpiryUpToTheLimitSoonestFirst() {
        UnaryOperator<OffsetDateTime> byDay = at ->
                at.truncatedTo(java.time.temporal.ChronoUnit.DAYS).plusMonths(1).plusDays(1);
        ExpiryLots lots = ExpiryLots.replay(
                List.of(
                        entry(EntryType.EARN, 10, UUID.randomUUID(), 0),
                        new ExpiryLots.Entry(++ids, EntryType.EARN, 5, UUID.randomUUID(), T0.plusHours(3)),
                        entry(EntryType.EARN, 7, UUID.randomUUID(), 2),
                        entry(EntryType.EARN, 9, UUID.randomUUID(), 40)),
                byDay);

        assertThat(lots.expiringBy(T0.plusMonths(1).plusDays(5)))
                .containsExactly(
                        new ExpiryLots.Lot(
                                T0.truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                                        .plusMonths(1)
                                        .plusDays(1),
                                15),
                        new ExpiryLots.Lot(
                                T0.truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                                        .plusMonths(1)
                                        .plusDays(3),
                                7));
    }

    @Test
    void theCutoffOfARunIsTheLastDayWhosePointsHaveExpiredAcrossMonthEnds() {
        LocalDate first = LocalDate.of(2031, 12, 1);
        for (int months = 1; months <= 25; months += 3) {
            for (LocalDate today = first; today.isBefore(first.plusDays(800)); today = today.plusDays(1)) {
                LocalDate last = PointsExpiry.lastExpiredDay(today, months);
                assertThat(PointsExpiry.expiryDay(last, months))
                        .as(today + ", " + months + " months")
                        .isBeforeOrEqualTo(today);
                assertThat(PointsExpiry.expiryDay(last.plusDays(1), months))
                        .as(today + ", " + months + " months")
                        .isAfter(today);
            }
        }
        assertThat(PointsExpiry.lastExpiredDay(LocalDate.of(2032, 3, 1), 1))
                .as("Jan 29-31 + 1 month is Feb 29 (2032): they expire on Mar 1")
                .isEqualTo(LocalDate.of(2032, 1, 31));
    }

    /** One point of one lot, in the model. */
    private record Unit(int lot, OffsetDateTime expiresAt) {}

    @Test
    void randomLedgersMatchAModelThatKeepsEveryPointApart() {
        long seed = Long.getLong("expiry.seed", System.nanoTime());
        System.out.println("ExpiryLotsTests seed: " + seed + " (replay with -Dexpiry.seed=" + seed + ")");
        Random random = new Random(seed);
        for (int run = 0; run < 300; run++) {
            List<ExpiryLots.Entry> ledger = new ArrayList<>();
            List<UUID> orders = new ArrayList<>();
            List<Unit> units = new ArrayList<>();
            List<UUID> lotOrder = new ArrayList<>();
            long debt = 0;
            long balance = 0;
            OffsetDateTime at = T0;
            for (int step = 0; step < 40; step++) {
                at = at.plusDays(random.nextInt(40));
                int kind = random.nextInt(6);
                long points;
                EntryType type;
                UUID order = null;
                if (kind <= 1) {
                    type = kind == 0 ? EntryType.EARN : EntryType.ADJUSTMENT;
                    points = 1 + random.nextInt(30);
                    if (type == EntryType.EARN) {
                        order = UUID.randomUUID();
                        orders.add(order);
                    }
                } else if (kind == 2 && !orders.isEmpty()) {
                    type = EntryType.REVERSAL;
                    order = orders.get(random.nextInt(orders.size()));
                    points = -(1 + random.nextInt(20));
                } else if (kind == 5) {
                    // What a run writes now, as the job would: never more than what expired and is unspent.
                    type = EntryType.EXPIRY;
                    points = -ExpiryLots.replay(ledger, TWELVE_MONTHS).expiredBy(at);
                } else {
                    type = random.nextBoolean() ? EntryType.REDEEM : EntryType.ADJUSTMENT;
                    points = -(1 + random.nextInt(40));
                }
                if (points == 0) {
                    continue;
                }
                ledger.add(new ExpiryLots.Entry(ledger.size() + 1, type, points, order, at));
                balance += points;
                // The model: every point a unit; a debit removes its order's units first, then the soonest-expiring.
                if (points > 0) {
                    int lot = lotOrder.size();
                    lotOrder.add(type == EntryType.EARN ? order : null);
                    long paid = Math.min(debt, points);
                    debt -= paid;
                    for (long i = paid; i < points; i++) {
                        units.add(new Unit(lot, at.plusMonths(12)));
                    }
                } else {
                    long owed = -points;
                    if (type == EntryType.REVERSAL) {
                        int lot = lotOrder.indexOf(order);
                        for (int i = 0; i < units.size() && owed > 0; ) {
                            if (units.get(i).lot() == lot) {
                                units.remove(i);
                                owed--;
                            } else {
                                i++;
                            }
                        }
                    }
                    units.sort(Comparator.comparing(Unit::expiresAt).thenComparingInt(Unit::lot));
                    while (owed > 0 && !units.isEmpty()) {
                        units.remove(0);
                        owed--;
                    }
                    debt += owed;
                }

                ExpiryLots lots = ExpiryLots.replay(ledger, TWELVE_MONTHS);
                String where = "seed " + seed + ", run " + run + ", step " + step;
                assertThat(lots.debt()).as(where).isEqualTo(debt);
                assertThat(lots.unspent().stream()
                                        .mapToLong(ExpiryLots.Lot::points)
                                        .sum()
                                - lots.debt())
                        .as(where + ": unspent less debt is the balance")
                        .isEqualTo(balance);
                OffsetDateTime probe = at.plusDays(random.nextInt(500));
                long modelExpired = units.stream()
                        .filter(u -> !u.expiresAt().isAfter(probe))
                        .count();
                assertThat(lots.expiredBy(probe)).as(where).isEqualTo(modelExpired);
                assertThat(lots.expiredBy(probe)).as(where).isLessThanOrEqualTo(Math.max(0, balance));
            }
        }
    }
}
