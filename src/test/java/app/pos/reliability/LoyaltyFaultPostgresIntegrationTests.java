package app.pos.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.shared.CustomerDetails;
import app.pos.support.DatabaseOutage;
import app.pos.support.Products;
import app.pos.support.RunningAppPostgresTest;
import app.pos.support.TestStaff;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 64 tills placing, redeeming, voiding and refunding orders of loyalty members over real HTTP on PostgreSQL, with the
 * database cut off for 3 s in the middle and every answer in doubt retried with the same Idempotency-Key: no order,
 * refund or ledger entry may be lost or doubled, no redemption deducted twice or without the points to cover it, and
 * every balance, order's points and customer's stats must add up. The members start with balances set up by
 * adjustments (some enough for both rewards, some too few for either, some below zero), so that some redemptions are
 * refused with a 409 and place no order.
 */
@RunningAppPostgresTest
class LoyaltyFaultPostgresIntegrationTests {

    private static final int CLIENTS = 64;
    private static final int MEMBERS = 20;
    private static final String ADMIN = TillHttp.basic("admin", TestStaff.ADMIN_PASSWORD);
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(15);
    /** Both take less off than the cheapest order costs (2.35), so every line of every order keeps a basis share. */
    private static final List<LoyaltyTill.Reward> REWARDS = List.of(
            new LoyaltyTill.Reward(UUID.randomUUID(), 20, new BigDecimal("1.00")),
            new LoyaltyTill.Reward(UUID.randomUUID(), 600, new BigDecimal("2.00")));

    @LocalServerPort
    int port;

    @Autowired
    CustomerService customers;

    @Autowired
    ProductService products;

    @Autowired
    JdbcClient jdbc;

    TillHttp http;
    List<UUID> members;
    List<ProductView> menu;
    Map<UUID, Long> adjusted;

    @BeforeEach
    void setUp() throws Exception {
        http = new TillHttp(port);
        String run = UUID.randomUUID().toString().substring(0, 8);
        // odd prices, so that shares of the basis and the points round
        menu = List.of(
                Products.create(products, "Fault Latte " + run, "Fault " + run, "3.45"),
                Products.create(products, "Fault Scone " + run, "Fault " + run, "2.35"),
                Products.create(products, "Fault Tart " + run, "Fault " + run, "4.99"));
        String rewards = REWARDS.stream()
                .map(r -> "{\"id\":\"" + r.id() + "\",\"name\":\"Fault " + r.discount() + " off\",\"points\":"
                        + r.points() + ",\"discountAmount\":" + r.discount() + ",\"active\":true}")
                .collect(Collectors.joining(",", "[", "]"));
        TillHttp.Reply program = send(
                "PUT",
                "/api/v1/loyalty/program",
                ADMIN,
                "{\"enabled\":true,\"pointsPerUnit\":1.5,\"returnRedeemedPointsOnVoid\":true,\"rewards\":" + rewards
                        + "}");
        assertThat(program.status()).as("%s", program).isEqualTo(200);
        members = new ArrayList<>();
        adjusted = new HashMap<>();
        for (int i = 0; i < MEMBERS; i++) {
            UUID id = customers
                    .create(new CustomerDetails("Fault " + run + " #" + i, null, null, null))
                    .id();
            TillHttp.Reply enrolled =
                    send("POST", "/api/v1/customers/" + id + "/loyalty/enrolment", LoyaltyTill.CASHIER, "{}");
            assertThat(enrolled.status()).as("%s", enrolled).isEqualTo(200);
            members.add(id);
            // even: both rewards at once; 1 of 4: neither until it earns; 3 of 4: owes points, redeems nothing first.
            // (As MANAGER: the manager's password is verified here, not by 64 tills at once.)
            long points = i % 2 == 0 ? 700 : i % 4 == 1 ? 10 : -50;
            TillHttp.Reply adjustment = send(
                    "POST",
                    "/api/v1/customers/" + id + "/loyalty/adjustments",
                    LoyaltyTill.MANAGER,
                    "{\"points\":" + points + ",\"reason\":\"Opening balance\"}");
            assertThat(adjustment.status()).as("%s", adjustment).isEqualTo(201);
            adjusted.put(id, points);
        }
    }

    @AfterEach
    void restore() throws SQLException, InterruptedException {
        DatabaseOutage.allowConnections(true);
        send("PUT", "/api/v1/loyalty/program", ADMIN, "{}");
    }

    @Test
    void tillsEarningRedeemingVoidingAndRefundingThroughAnOutageLoseAndDoubleNoLedgerEntry() throws Exception {
        Mismatches before = reconciliation();
        long startedAt = System.nanoTime();
        Tills tills = new Tills();
        DatabaseOutage.Cut cut;
        try {
            long steadyDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            Thread.sleep(2_000);
            while (tills.definiteAfter(startedAt) < 2 * CLIENTS && System.nanoTime() < steadyDeadline) {
                Thread.sleep(100);
            }
            Thread.sleep(1_000);
            cut = DatabaseOutage.cutFor(Duration.ofSeconds(3));
            long recoveryDeadline = cut.restoredAt() + RECOVERY_LIMIT.toNanos();
            while (tills.definiteAfter(cut.restoredAt()) == 0 && System.nanoTime() < recoveryDeadline) {
                Thread.sleep(100);
            }
            Thread.sleep(4_000);
        } finally {
            tills.stop();
        }
        long elapsed = System.nanoTime() - startedAt;
        List<TillHttp.Reply> replies = tills.replies();

        assertThat(cut.terminated())
                .as("backends terminated (the outage really happened)")
                .isPositive();
        assertThat(replies.stream().filter(r -> r.status() == 503).count())
                .as("503 answers (the outage was visible to the tills)")
                .isPositive();
        assertThat(tills.definiteAfter(cut.restoredAt()))
                .as("definite answers after the database came back")
                .isPositive();
        assertThat(tills.done().stream()
                        .filter(d -> d.answer() != null && d.attempts().size() > 1)
                        .map(LoyaltyTill.Done::action)
                        .distinct())
                .as("actions answered only after a retry (in doubt first)")
                .containsExactlyInAnyOrder(LoyaltyTill.Action.values());

        LedgerAudit audit = new LedgerAudit(jdbc, members);
        report(tills, replies, audit.entriesByType(), cut, elapsed);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(tills.unexpected().stream().limit(20))
                .as("answers the tills did not expect")
                .isEmpty();
        Map<UUID, String> stored = audit.orderKeys();
        Map<UUID, String> confirmed = tills.sold().stream().collect(Collectors.toMap(s -> s.id, s -> s.key));
        soft.assertThat(differences(stored, confirmed))
                .as("stored orders of the members vs the orders confirmed to the tills")
                .isEmpty();
        soft.assertThat(repeated(stored.values()))
                .as("idempotency keys stored twice")
                .isEmpty();
        soft.assertThat(differences(
                        toMap(audit.voidedOrders()),
                        toMap(tills.sold().stream()
                                .filter(s -> s.voided)
                                .map(s -> s.id)
                                .toList())))
                .as("voided orders vs the voids confirmed")
                .isEmpty();
        soft.assertThat(differences(
                        audit.refunds(),
                        tills.refunds().stream()
                                .collect(Collectors.toMap(LoyaltyTill.Refunded::id, LoyaltyTill.Refunded::orderId))))
                .as("stored refunds vs the refunds confirmed")
                .isEmpty();
        soft.assertThat(differences(audit.refundedUnits(), tills.refundedUnits()))
                .as("units refunded per order and product")
                .isEmpty();

        RedemptionAudit redemptions = new RedemptionAudit(jdbc, members);
        soft.assertThat(tills.sold().stream().filter(s -> s.reward != null).count())
                .as("redeeming orders confirmed")
                .isPositive();
        soft.assertThat(tills.refused().size())
                .as("redemptions refused with 409 Not enough points")
                .isPositive();
        soft.assertThat(redemptions.redemptionsOff(tills.sold().stream()
                        .filter(s -> s.reward != null)
                        .collect(Collectors.toMap(s -> s.id, s -> s.reward.points()))))
                .as("REDEEM and RETURN entries per order vs the redemptions and voids confirmed")
                .isEmpty();
        soft.assertThat(redemptions.ordersOfRefusedKeys(
                        tills.refused().stream().map(LoyaltyTill.Refused::key).toList()))
                .as("orders of redemptions answered 409")
                .isEmpty();
        soft.assertThat(redemptions.redemptionsNotCovered())
                .as("REDEEM entries the balance did not cover")
                .isEmpty();
        soft.assertThat(redemptions.adjustmentsOff(adjusted))
                .as("ADJUSTMENT entries vs those set up")
                .isEmpty();
        soft.assertThat(redemptions.discountsOff(tills.sold().stream()
                        .filter(s -> s.reward != null)
                        .collect(Collectors.toMap(s -> s.id, s -> s.reward.discount()))))
                .as("orders' discounts vs the rewards confirmed")
                .isEmpty();
        soft.assertThat(redemptions.earnedLinesOff())
                .as("orders' earned lines and basis vs the subtotal less the discount")
                .isEmpty();
        soft.assertThat(audit.ordersNotEarningOnce())
                .as("orders without exactly one EARN")
                .isEmpty();
        soft.assertThat(audit.strayEntries())
                .as("entries not of a member's order or refund")
                .isEmpty();
        soft.assertThat(audit.voidReversalsOff())
                .as("void reversals: one per voided order")
                .isEmpty();
        soft.assertThat(audit.refundReversalsOff())
                .as("refund reversals: one per refund")
                .isEmpty();
        soft.assertThat(audit.balancesOff())
                .as("balances and lifetime earned vs the ledger")
                .isEmpty();
        soft.assertThat(audit.orderPointsOff())
                .as("each order's net points and basis")
                .isEmpty();
        soft.assertThat(audit.statsOff())
                .as("customers' stats vs their orders and refunds")
                .isEmpty();
        soft.assertThat(audit.refundAmountsOff())
                .as("refund amounts vs order totals")
                .isEmpty();
        Mismatches after = reconciliation();
        soft.assertThat(after.ofMembers)
                .as("the reconciliation's mismatches naming this test's members")
                .isEmpty();
        soft.assertThat(after.counts)
                .as("the reconciliation's mismatch counts (stats, points) against those before the run")
                .isEqualTo(before.counts);
        soft.assertAll();
    }

    /** What differs between what is stored and what the tills were told, at most 20 lines. */
    private static <K, V> List<String> differences(Map<K, V> stored, Map<K, V> confirmed) {
        List<String> off = new ArrayList<>();
        stored.forEach((k, v) -> {
            if (!confirmed.containsKey(k)) {
                off.add("stored, never confirmed: " + k + " " + v);
            } else if (!Objects.equals(confirmed.get(k), v)) {
                off.add(k + " stored as " + v + ", confirmed as " + confirmed.get(k));
            }
        });
        confirmed.forEach((k, v) -> {
            if (!stored.containsKey(k)) {
                off.add("confirmed, not stored: " + k + " " + v);
            }
        });
        return off.size() <= 20 ? off : off.subList(0, 20).stream().collect(Collectors.toCollection(ArrayList::new));
    }

    private static <V> Map<V, Boolean> toMap(Collection<V> values) {
        return values.stream().collect(Collectors.toMap(v -> v, v -> true));
    }

    private static List<String> repeated(Collection<String> values) {
        return values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting())).entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue())
                .limit(20)
                .toList();
    }

    private void report(
            Tills tills,
            List<TillHttp.Reply> replies,
            Map<String, Long> entries,
            DatabaseOutage.Cut cut,
            long elapsed) {
        long firstAnswer = replies.stream()
                .filter(r -> r.start() > cut.restoredAt() && !r.inDoubt())
                .mapToLong(TillHttp.Reply::end)
                .min()
                .orElse(cut.restoredAt());
        Map<LoyaltyTill.Action, List<LoyaltyTill.Done>> byAction = tills.done().stream()
                .collect(Collectors.groupingBy(LoyaltyTill.Done::action, TreeMap::new, Collectors.toList()));
        System.out.printf(
                "[loyalty-fault] %d tills, %d members, %d requests in %.1f s: %d 503 problems, %d timeouts, %d other "
                        + "transport errors; database %s closed for 3 s, %d backends terminated, first definite "
                        + "answer %d ms after it came back%n",
                CLIENTS,
                MEMBERS,
                replies.size(),
                elapsed / 1e9,
                replies.stream().filter(TillHttp.Reply::isProblem503).count(),
                replies.stream().filter(TillHttp.Reply::timedOut).count(),
                replies.stream().filter(r -> r.status() < 0 && !r.timedOut()).count(),
                cut.database(),
                cut.terminated(),
                (firstAnswer - cut.restoredAt()) / 1_000_000);
        byAction.forEach((action, done) -> System.out.printf(
                "[loyalty-fault] %s: %d actions, %d retries, %d answered after a retry, %d replays (200), by final "
                        + "status %s%n",
                action,
                done.size(),
                done.stream().mapToInt(d -> d.attempts().size() - 1).sum(),
                done.stream().filter(d -> d.attempts().size() > 1).count(),
                done.stream()
                        .filter(d -> d.answer() != null && d.answer().replayed())
                        .count(),
                done.stream()
                        .collect(Collectors.groupingBy(
                                d -> d.answer() == null
                                        ? "gave up"
                                        : String.valueOf(d.answer().status()),
                                TreeMap::new,
                                Collectors.counting()))));
        System.out.printf(
                "[loyalty-fault] %d orders (%d redeeming, %d of them voided; %d redemptions refused with 409), "
                        + "%d voided, %d refunded, %d refunds; ledger entries by type %s%n",
                tills.sold().size(),
                tills.sold().stream().filter(s -> s.reward != null).count(),
                tills.sold().stream().filter(s -> s.reward != null && s.voided).count(),
                tills.refused().size(),
                tills.sold().stream().filter(s -> s.voided).count(),
                tills.sold().stream().filter(s -> !s.refunded.isEmpty()).count(),
                tills.refunds().size(),
                entries);
    }

    /** Mismatch counts (stats, points), and the listed mismatches naming this test's members. */
    private record Mismatches(List<Integer> counts, List<String> ofMembers) {}

    /**
     * GET /api/v1/admin/reconciliation over the whole test database. Other tests may leave their own customers' rows
     * off on purpose, so the counts are compared with a run before the tills start.
     */
    private Mismatches reconciliation() throws InterruptedException {
        TillHttp.Reply reply =
                http.send("GET", "/api/v1/admin/reconciliation", ADMIN, null, null, Duration.ofSeconds(120));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<String> listed = new ArrayList<>(JsonPath.read(reply.body(), "$.statsDifferences[*].customerId"));
        listed.addAll(JsonPath.read(reply.body(), "$.pointsDifferences[*].customerId"));
        List<String> ours = members.stream().map(UUID::toString).toList();
        return new Mismatches(
                List.of(
                        JsonPath.<Integer>read(reply.body(), "$.statsMismatches"),
                        JsonPath.<Integer>read(reply.body(), "$.pointsMismatches")),
                listed.stream().filter(ours::contains).toList());
    }

    private TillHttp.Reply send(String method, String path, String auth, String body) throws InterruptedException {
        return http.send(method, path, auth, null, body, LoyaltyTill.CLIENT_TIMEOUT);
    }

    /** The 64 tills, started on creation. */
    private final class Tills {
        private final List<LoyaltyTill> tills = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean stopped;

        Tills() {
            for (int c = 0; c < CLIENTS; c++) {
                LoyaltyTill till = new LoyaltyTill(http, members, menu, REWARDS, () -> stopped);
                Thread thread = new Thread(till, "loyalty-till-" + c);
                tills.add(till);
                threads.add(thread);
                thread.start();
            }
        }

        /** How many actions got a definite answer to a request started after {@code time}. */
        long definiteAfter(long time) {
            long n = 0;
            for (LoyaltyTill till : tills) {
                synchronized (till.done) {
                    n += till.done.stream()
                            .filter(d -> d.answer() != null && d.answer().start() > time)
                            .count();
                }
            }
            return n;
        }

        void stop() throws InterruptedException {
            stopped = true;
            long deadline = System.nanoTime() + LoyaltyTill.GIVE_UP_AFTER.toNanos() + TimeUnit.SECONDS.toNanos(15);
            for (Thread thread : threads) {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            }
            assertThat(threads.stream().filter(Thread::isAlive).map(Thread::getName))
                    .as("tills still running")
                    .isEmpty();
            assertThat(tills.stream().filter(t -> t.crash != null).map(t -> t.crash.toString()))
                    .as("tills that crashed")
                    .isEmpty();
        }

        List<TillHttp.Reply> replies() {
            return done().stream().flatMap(d -> d.attempts().stream()).toList();
        }

        List<LoyaltyTill.Done> done() {
            return tills.stream().flatMap(t -> t.done.stream()).toList();
        }

        List<String> unexpected() {
            return all(t -> t.unexpected);
        }

        List<LoyaltyTill.Sold> sold() {
            return all(t -> t.sold);
        }

        List<LoyaltyTill.Refunded> refunds() {
            return all(t -> t.refunds);
        }

        List<LoyaltyTill.Refused> refused() {
            return all(t -> t.refused);
        }

        Map<String, Long> refundedUnits() {
            Map<String, Long> units = new HashMap<>();
            for (LoyaltyTill.Sold sold : sold()) {
                sold.refunded.forEach((product, n) -> units.put(sold.id + "/" + product, (long) n));
            }
            return units;
        }

        private <T> List<T> all(java.util.function.Function<LoyaltyTill, Collection<T>> of) {
            return tills.stream().flatMap(t -> of.apply(t).stream()).toList();
        }
    }
}
