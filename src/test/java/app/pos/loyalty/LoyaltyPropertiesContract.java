package app.pos.loyalty;

import static app.pos.support.Api.postJson;
import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniqueName;
import static app.pos.support.Json.object;
import static app.pos.support.Json.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerMerge;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.shared.CustomerDetails;
import app.pos.shared.ShopTime;
import app.pos.support.Customers;
import app.pos.support.Json;
import app.pos.support.Products;
import app.pos.support.Sales;
import app.pos.support.TestClock;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Property-based: random sequences of orders, voids, partial refunds, adjustments, merges and expiry runs for four
 * members and one non-member, driven through the API (and the merge and expiry services), each step checked
 * against {@link LoyaltyModel}: every customer's balance, lifetime earned, tier, qualifying spend and expiring
 * points, and the step's own figures (points reversed, refund amounts). At the end the ledger reconciles.
 *
 * <p>Seeded by a generator of our own: each run prints its seed, and {@code -Dloyalty.seed=N} replays one run
 * ({@code -Dloyalty.runs}, {@code -Dloyalty.steps} change how many and how long). Each run has its own stretch of
 * time far in the future, moved forward by the test clock, so other tests' points and expiry runs do not matter.
 *
 * <p>Adding an operation: a constant in {@link Op} with its weight, a case in {@link #step}, a method here that calls
 * the API, and one in the model that says what must follow. REDEEM is a member's order with the program's one
 * reward: 409 without the points, 422 with only excluded lines, else the points deducted and an earn basis after the
 * discount. Orders that redeemed are voided but not refunded here: the model splits a basis over units by price,
 * which a discount would make a matter of rounding (the refund contract tests and the fault test cover those).
 */
abstract class LoyaltyPropertiesContract {

    static final UUID REWARD_ID = UUID.fromString("5eed0000-0000-4000-8000-00000000d15c");
    static final int REWARD_POINTS = 25;
    static final String REWARD_AMOUNT = "3.00";

    enum Op {
        ORDER(35),
        REDEEM(10),
        VOID(10),
        REFUND(20),
        ADJUST(10),
        MERGE(5),
        EXPIRE(10),
        PROGRAM(3);

        final int weight;

        Op(int weight) {
            this.weight = weight;
        }

        static Op pick(Random random) {
            int total = 0;
            for (Op op : values()) {
                total += op.weight;
            }
            int n = random.nextInt(total);
            for (Op op : values()) {
                n -= op.weight;
                if (n < 0) {
                    return op;
                }
            }
            throw new IllegalStateException();
        }
    }

    static final int MEMBERS = 4;
    static final Instant FAR = Instant.now()
            .plus(Duration.ofDays(12_000))
            .truncatedTo(ChronoUnit.DAYS)
            .plus(Duration.ofHours(12));
    private static final String[] PRICES = {"4.20", "3.35", "8.95", "45.50", "120.00", "400.00"};
    private static final int[] PRICE_WEIGHTS = {30, 30, 20, 10, 8, 2};

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    @Autowired
    CustomerMerge merge;

    @Autowired
    PointsExpiry expiry;

    @Autowired
    ShopTime shopTime;

    @Autowired
    TestClock clock;

    private final List<ProductView> catalog = new ArrayList<>();
    private ProductView giftCard;
    private Random random;
    private LoyaltyModel model;
    private OffsetDateTime now;
    private final List<UUID> members = new ArrayList<>();
    private UUID nonMember;
    private final List<UUID> removed = new ArrayList<>();
    private final Map<UUID, BigDecimal[]> refundedOf = new java.util.HashMap<>();
    private final List<String> log = new ArrayList<>();
    private final Map<String, Integer> seen = new java.util.TreeMap<>();

    @AfterEach
    void backToTheDefaultProgramAndTheRealTime() throws Exception {
        clock.reset();
        mvc.perform(putJson("/api/v1/loyalty/program", "{}").with(admin())).andExpect(status().isOk());
    }

    @Test
    void randomSequencesOfOperationsKeepTheLedgerAsTheRulesSay() throws Exception {
        Long fixed = Long.getLong("loyalty.seed");
        int runs = fixed != null ? 1 : Integer.getInteger("loyalty.runs", 3);
        int steps = Integer.getInteger("loyalty.steps", 60);
        Random seeds = new Random();
        for (int run = 0; run < runs; run++) {
            long seed = fixed != null ? fixed : seeds.nextLong();
            System.out.println("[loyalty-properties] seed " + seed + " (replay with -Dloyalty.seed=" + seed + ")");
            run(seed, steps, FAR.plus(Duration.ofDays(2_000L * run)));
        }
    }

    /**
     * Found while writing the model: a merge stores the removed customer's kept tier on the survivor as reached at
     * the merge, so a tier that should lapse days later is kept for another 365 days.
     */
    @Test
    void aMergeKeepsTheDateTheRemovedCustomersTierWasReached() throws Exception {
        Instant t0 = FAR.plus(Duration.ofDays(9_000));
        mvc.perform(putJson("/api/v1/loyalty/program", object("enabled", true)).with(admin()))
                .andExpect(status().isOk());
        ProductView big = Products.create(products, uniqueName("Prop big"), uniqueName("Prop cat"), "200.00");
        ProductView small = Products.create(products, uniqueName("Prop small"), uniqueName("Prop cat"), "60.00");
        model = new LoyaltyModel(BigDecimal.ONE, expiry.expiryOf(1));
        UUID kept = member();
        UUID gone = member();
        at(t0.atOffset(ZoneOffset.UTC));
        placeFor(gone, big); // 200.00: Bronze
        at(now.plusDays(100));
        placeFor(gone, small); // 260.00: Silver, reached on day 100, kept until day 465
        at(now.plusDays(360)); // day 460: the spend of the last 365 days is 60.00, Silver is still kept
        assertThat(tierOf(gone)).isEqualTo("Silver");
        CustomerView survivor = customers.get(kept);
        merge.merge(
                new CustomerMerge.Command(
                        kept, gone, new CustomerDetails(survivor.name(), survivor.phone(), null, null, null)),
                "manager");
        assertThat(tierOf(kept)).isEqualTo("Silver");

        at(now.plusDays(10)); // day 470: 365 days after Silver was reached, and 60.00 reaches only Bronze
        assertThat(tierOf(kept)).isEqualTo("Bronze");
    }

    private void placeFor(UUID customerId, ProductView product) throws Exception {
        mvc.perform(postJson(
                                "/api/v1/orders",
                                Sales.of(product, 1).forCustomer(customerId).json())
                        .with(cashier()))
                .andExpect(status().isCreated());
    }

    private String tierOf(UUID customerId) throws Exception {
        return Json.read(
                mvc.perform(get("/api/v1/customers/" + customerId + "/loyalty").with(cashier()))
                        .andExpect(status().isOk())
                        .andReturn(),
                "$.tier");
    }

    private void run(long seed, int steps, Instant start) throws Exception {
        random = new Random(seed);
        log.clear();
        members.clear();
        removed.clear();
        refundedOf.clear();
        seen.clear();
        jdbc.sql("DELETE FROM loyalty_expiry_runs").update(); // runs of other timelines would hide ours
        at(start.atOffset(ZoneOffset.UTC));
        if (catalog.isEmpty()) {
            for (String price : PRICES) {
                catalog.add(Products.create(products, uniqueName("Prop"), uniqueName("Prop cat"), price));
            }
            giftCard = Products.create(products, uniqueName("Prop gift card"), uniqueName("Prop gifts"), "25.00");
            catalog.add(giftCard);
        }
        BigDecimal ppu = pointsPerUnit();
        model = new LoyaltyModel(ppu, expiry.expiryOf(1));
        log.add("pointsPerUnit " + ppu);
        for (int i = 0; i < MEMBERS; i++) {
            members.add(member());
        }
        nonMember = nonMember();
        for (int step = 1; step <= steps; step++) {
            Op op = Op.pick(random);
            try {
                advance();
                step(op);
                check();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "seed " + seed + ", step " + step + " (" + op + "), replay with -Dloyalty.seed=" + seed + "\n  "
                                + String.join("\n  ", log) + "\n" + e.getMessage(),
                        e);
            }
        }
        reconciled(seed);
        seen.put("tiers taken back", model.tiersTakenBack);
        System.out.println("[loyalty-properties] seed " + seed + " saw " + seen);
    }

    /** Counts what a run went through, printed at its end, to see that the generator reaches the rules' corners. */
    private void saw(String what) {
        seen.merge(what, 1, Integer::sum);
    }

    private void step(Op op) throws Exception {
        switch (op) {
            case ORDER -> order();
            case REDEEM -> redeem();
            case VOID -> voidOne();
            case REFUND -> refund();
            case ADJUST -> adjust();
            case MERGE -> merge();
            case EXPIRE -> expire();
            case PROGRAM -> program();
        }
    }

    // ---- the operations ----

    private void order() throws Exception {
        int who = random.nextInt(10);
        UUID customerId = who < 7 ? members.get(random.nextInt(members.size())) : who < 9 ? nonMember : null;
        List<ProductView> chosen = new ArrayList<>();
        int lines = 1 + random.nextInt(3);
        while (chosen.size() < lines) {
            ProductView product = random.nextInt(8) == 0 ? giftCard : catalog.get(weighted(PRICE_WEIGHTS));
            if (!chosen.contains(product)) {
                chosen.add(product);
            }
        }
        Sales.Sale sale = null;
        List<LoyaltyModel.Line> modelLines = new ArrayList<>();
        for (ProductView product : chosen) {
            int quantity = 1 + random.nextInt(3);
            sale = sale == null ? Sales.of(product, quantity) : sale.and(product, quantity);
            modelLines.add(new LoyaltyModel.Line(product.id(), product.price(), quantity, product == giftCard));
        }
        if (customerId != null) {
            sale = sale.forCustomer(customerId);
        }
        MvcResult placed = mvc.perform(postJson("/api/v1/orders", sale.json()).with(cashier()))
                .andExpect(status().isCreated())
                .andReturn();
        UUID orderId = UUID.fromString(Json.read(placed, "$.id"));
        refundedOf.put(orderId, new BigDecimal[] {
            new BigDecimal(Json.read(placed, "$.total").toString()), BigDecimal.ZERO
        });
        long earned = model.order(orderId, customerId, modelLines, now);
        saw(customerId == null ? "order walk-in" : earned > 0 ? "order earning" : "order earning nothing");
        log.add("order " + orderId + " for " + name(customerId) + ": " + modelLines + " earns " + earned);
    }

    /** A member's order with the reward: what the model says (201, 409 short of points, 422 nothing eligible). */
    private void redeem() throws Exception {
        UUID customerId = members.get(random.nextInt(members.size()));
        List<ProductView> chosen = new ArrayList<>();
        int lines = 1 + random.nextInt(2);
        while (chosen.size() < lines) {
            ProductView product = random.nextInt(6) == 0 ? giftCard : catalog.get(weighted(PRICE_WEIGHTS));
            if (!chosen.contains(product)) {
                chosen.add(product);
            }
        }
        Sales.Sale sale = null;
        List<LoyaltyModel.Line> modelLines = new ArrayList<>();
        for (ProductView product : chosen) {
            int quantity = 1 + random.nextInt(2);
            sale = sale == null ? Sales.of(product, quantity) : sale.and(product, quantity);
            modelLines.add(new LoyaltyModel.Line(product.id(), product.price(), quantity, product == giftCard));
        }
        String json = sale.forCustomer(customerId).json();
        json = json.substring(0, json.lastIndexOf('}')) + ",\"rewardId\":\"" + REWARD_ID + "\"}";
        int expected = model.rewardStatus(customerId, modelLines, REWARD_POINTS);
        log.add("redeem for " + name(customerId) + ": " + modelLines + " -> " + expected);
        MvcResult placed = mvc.perform(postJson("/api/v1/orders", json).with(cashier()))
                .andExpect(status().is(expected))
                .andReturn();
        if (expected != 201) {
            saw(expected == 409 ? "reward refused: too few points" : "reward refused: nothing eligible");
            return;
        }
        saw("reward redeemed");
        UUID placedId = UUID.fromString(Json.read(placed, "$.id"));
        long earned = model.redeem(placedId, customerId, modelLines, REWARD_POINTS, new BigDecimal(REWARD_AMOUNT), now);
        log.add("redeemed by " + placedId + ", earns " + earned);
        assertThat(new BigDecimal(Json.read(placed, "$.discount").toString()))
                .as("discount of %s", placedId)
                .isEqualByComparingTo(model.orders.get(placedId).discount);
        assertThat(((Number) Json.read(placed, "$.loyalty.pointsRedeemed")).longValue())
                .as("points redeemed by %s", placedId)
                .isEqualTo(REWARD_POINTS);
        assertThat(((Number) Json.read(placed, "$.loyalty.pointsEarned")).longValue())
                .as("points earned by %s", placedId)
                .isEqualTo(earned);
        refundedOf.put(placedId, new BigDecimal[] {
            new BigDecimal(Json.read(placed, "$.total").toString()), BigDecimal.ZERO
        });
    }

    private void voidOne() throws Exception {
        List<LoyaltyModel.Order> open =
                model.orders.values().stream().filter(o -> !o.voided).toList();
        if (open.isEmpty()) {
            return;
        }
        LoyaltyModel.Order order = open.get(random.nextInt(open.size()));
        long held = order.points;
        if (order.redeemed > 0 && !order.hasRefunds()) {
            saw("void giving a reward's points back");
        }
        boolean voids = model.voidOrder(order.id, now);
        saw(voids ? (held != 0 ? "void taking back points" : "void of nothing") : "void refused");
        log.add("void " + order.id + (voids ? " takes back " + held : " refused: it has refunds"));
        mvc.perform(post("/api/v1/orders/" + order.id + "/void").with(manager()))
                .andExpect(voids ? status().isOk() : status().isConflict());
    }

    private void refund() throws Exception {
        List<LoyaltyModel.Order> refundable = model.orders.values().stream()
                .filter(o -> !o.voided
                        && o.redeemed == 0
                        && java.util.stream.IntStream.range(0, o.lines.size()).anyMatch(i -> o.remaining(i) > 0))
                .toList();
        if (refundable.isEmpty()) {
            return;
        }
        LoyaltyModel.Order order = refundable.get(random.nextInt(refundable.size()));
        int[] units = new int[order.lines.size()];
        List<Object> body = new ArrayList<>();
        while (body.isEmpty()) {
            for (int i = 0; i < units.length; i++) {
                if (order.remaining(i) > 0 && random.nextBoolean()) {
                    units[i] = 1 + random.nextInt(order.remaining(i));
                    body.add(object("productId", order.lines.get(i).productId().toString(), "quantity", units[i]));
                }
            }
        }
        boolean last = true;
        for (int i = 0; i < units.length; i++) {
            last &= order.remaining(i) == units[i];
        }
        long reversed = model.refund(order.id, units, now);
        saw(reversed != 0 ? "refund taking back points" : "refund of nothing");
        saw(last ? "refund of the last units" : "partial refund");
        log.add("refund " + java.util.Arrays.toString(units) + " of " + order.id + " takes back " + reversed);
        String lines =
                "[" + String.join(",", body.stream().map(Object::toString).toList()) + "]";
        MvcResult result = mvc.perform(postJson(
                                "/api/v1/orders/" + order.id + "/refunds",
                                object("lines", raw(lines), "reason", "Property test"))
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .with(manager()))
                .andExpect(status().isCreated())
                .andReturn();
        assertThat(Json.<Number>read(result, "$.pointsReversed").longValue())
                .as("pointsReversed")
                .isEqualTo(reversed);
        BigDecimal[] totalAndRefunded = refundedOf.get(order.id);
        totalAndRefunded[1] = totalAndRefunded[1].add(
                new BigDecimal(Json.read(result, "$.amount").toString()));
        if (last) {
            assertThat(totalAndRefunded[1]).as("all refunds of the order").isEqualByComparingTo(totalAndRefunded[0]);
        }
    }

    private void adjust() throws Exception {
        List<UUID> all = new ArrayList<>(model.accounts.keySet());
        UUID customerId = all.get(random.nextInt(all.size()));
        long points = (1 + random.nextInt(80)) * (random.nextInt(3) == 0 ? -1 : 1);
        model.adjust(customerId, points, now);
        saw("adjustment");
        log.add("adjust " + name(customerId) + " by " + points);
        MvcResult result = mvc.perform(postJson(
                                "/api/v1/customers/" + customerId + "/loyalty/adjustments",
                                object("points", points, "reason", "Property test correction"))
                        .with(manager()))
                .andExpect(status().isCreated())
                .andReturn();
        assertThat(Json.<Number>read(result, "$.points").longValue()).isEqualTo(points);
    }

    /** Two members, or now and then a member and the non-member (whose record the membership then moves to). */
    private void merge() throws Exception {
        int keptAt = random.nextInt(members.size());
        UUID kept = members.get(keptAt);
        UUID gone = members.get((keptAt + 1 + random.nextInt(members.size() - 1)) % members.size());
        int withNonMember = random.nextInt(4);
        if (withNonMember == 0) {
            gone = nonMember;
        } else if (withNonMember == 1) {
            kept = nonMember;
        }
        saw(withNonMember < 2 ? "merge with the non-member" : "merge of two members");
        log.add("merge " + name(gone) + " into " + name(kept));
        CustomerView survivor = customers.get(kept);
        merge.merge(
                new CustomerMerge.Command(
                        kept, gone, new CustomerDetails(survivor.name(), survivor.phone(), null, null, null)),
                "manager");
        model.merge(kept, gone, now);
        removed.add(gone);
        members.remove(gone);
        if (kept.equals(nonMember)) {
            members.add(nonMember);
        }
        if (withNonMember < 2) {
            nonMember = nonMember();
        } else {
            members.add(member());
        }
    }

    /** The shop changes its points per unit: orders placed before keep earning and reversing by theirs. */
    private void program() throws Exception {
        BigDecimal ppu = pointsPerUnit();
        model.pointsPerUnit(ppu);
        saw("program change");
        log.add("pointsPerUnit " + ppu);
    }

    /** Puts the program of these runs with a random points per unit and returns it. */
    private BigDecimal pointsPerUnit() throws Exception {
        BigDecimal ppu = new BigDecimal(List.of("1", "1.50", "2", "0.75").get(random.nextInt(4)));
        mvc.perform(putJson(
                                "/api/v1/loyalty/program",
                                object(
                                        "enabled",
                                        true,
                                        "pointsPerUnit",
                                        ppu,
                                        "pointsExpireAfterMonths",
                                        1,
                                        "excludedCategories",
                                        raw("[\"" + giftCard.category() + "\"]"),
                                        "rewards",
                                        raw("["
                                                + object(
                                                        "id",
                                                        REWARD_ID.toString(),
                                                        "name",
                                                        "Property reward",
                                                        "points",
                                                        REWARD_POINTS,
                                                        "discountAmount",
                                                        REWARD_AMOUNT)
                                                + "]")))
                        .with(admin()))
                .andExpect(status().isOk());
        return ppu;
    }

    private void expire() {
        at(now.plusDays(7L * (1 + random.nextInt(5))));
        expiry.run();
        Map<UUID, Long> written = model.expire(now);
        saw(written.isEmpty() ? "expiry run writing nothing" : "expiry run writing off");
        log.add("expiry run writes off " + written);
    }

    // ---- checks ----

    private void check() throws Exception {
        for (LoyaltyModel.Account account : model.accounts.values()) {
            String json = mvc.perform(
                            get("/api/v1/customers/" + account.id + "/loyalty").with(cashier()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            DocumentContext summary = JsonPath.parse(json);
            String who = name(account.id) + ": " + json;
            assertThat(summary.read("$.member", Boolean.class)).as(who).isEqualTo(account.member);
            assertThat(summary.read("$.balance", Long.class))
                    .as("balance of " + who)
                    .isEqualTo(account.balance);
            assertThat(summary.read("$.lifetimeEarned", Long.class))
                    .as("lifetimeEarned of " + who)
                    .isEqualTo(account.lifetimeEarned);
            LoyaltyModel.Tier tier = model.tier(account.id, now);
            if (tier != null && !tier.name().equals("Bronze")) {
                saw("step with a customer in " + tier.name());
            }
            if (tier != LoyaltyModel.tierFor(model.spend(account.id, now))) {
                saw("step with a tier kept above its spend");
            }
            if (account.balance < 0) {
                saw("step with a balance below zero");
            }
            assertThat(summary.read("$.tier", String.class))
                    .as("tier of " + who)
                    .isEqualTo(tier == null ? null : tier.name());
            assertThat(new BigDecimal(summary.read("$.qualifyingSpend").toString()))
                    .as("qualifyingSpend of " + who)
                    .isEqualByComparingTo(model.spend(account.id, now));
            List<Map<String, Object>> expiring = summary.read("$.expiring");
            List<String> actual = expiring.stream()
                    .map(e -> e.get("points") + "@"
                            + OffsetDateTime.parse(e.get("expiresAt").toString())
                                    .toInstant())
                    .toList();
            List<String> expected = model.expiring(account.id, now.plusDays(PointsExpiry.EXPIRING_DAYS)).stream()
                    .map(e -> e.points() + "@" + e.expiresAt().toInstant())
                    .toList();
            assertThat(actual).as("expiring of " + who).isEqualTo(expected);
        }
    }

    /** Each balance row is the sum of its entries, lifetime earned that of its EARN and REVERSAL entries. */
    private void reconciled(long seed) {
        for (LoyaltyModel.Account account : model.accounts.values()) {
            List<Long> row = jdbc.sql("SELECT b.balance, b.lifetime_earned, "
                            + "(SELECT COALESCE(SUM(points), 0) FROM loyalty_entries e WHERE e.customer_id = :id), "
                            + "(SELECT COALESCE(SUM(points), 0) FROM loyalty_entries e WHERE e.customer_id = :id "
                            + "AND e.type IN ('EARN', 'REVERSAL')) "
                            + "FROM loyalty_balances b WHERE b.customer_id = :id")
                    .param("id", account.id)
                    .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                    .optional()
                    .orElse(List.of(0L, 0L, 0L, 0L));
            assertThat(row)
                    .as("seed %d: %s balance, lifetime earned and their sums of entries", seed, name(account.id))
                    .containsExactly(account.balance, account.lifetimeEarned, account.balance, account.lifetimeEarned);
        }
        for (UUID gone : removed) {
            assertThat(jdbc.sql("SELECT (SELECT COUNT(*) FROM loyalty_entries WHERE customer_id = :id) "
                                    + "+ (SELECT COUNT(*) FROM loyalty_balances WHERE customer_id = :id)")
                            .param("id", gone)
                            .query(Long.class)
                            .single())
                    .as("seed %d: nothing left on a merged-away customer", seed)
                    .isZero();
        }
    }

    // ---- helpers ----

    private UUID member() throws Exception {
        CustomerView customer = Customers.withPhone(customers, uniqueName("Prop Member"));
        mvc.perform(postJson("/api/v1/customers/" + customer.id() + "/loyalty/enrolment", "{}")
                        .with(cashier()))
                .andExpect(status().isOk());
        model.add(customer.id(), true);
        return customer.id();
    }

    private UUID nonMember() {
        UUID id = Customers.withPhone(customers, uniqueName("Prop Non Member")).id();
        model.add(id, false);
        return id;
    }

    /** Time passes before each step: minutes to a day mostly, sometimes days, now and then months. */
    private void advance() {
        int kind = random.nextInt(20);
        long minutes = kind < 14
                ? 1 + random.nextInt(24 * 60)
                : kind < 19 ? 24 * 60 * (1 + random.nextInt(7)) : 24 * 60 * (60 + random.nextInt(60));
        at(now.plusMinutes(minutes));
    }

    private void at(OffsetDateTime time) {
        now = time;
        clock.set(time.toInstant());
    }

    private int weighted(int[] weights) {
        int total = java.util.Arrays.stream(weights).sum();
        int n = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            n -= weights[i];
            if (n < 0) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    private String name(UUID customerId) {
        if (customerId == null) {
            return "a walk-in";
        }
        if (customerId.equals(nonMember)) {
            return "the non-member";
        }
        int at = members.indexOf(customerId);
        return at >= 0 ? "member " + customerId.toString().substring(0, 8) : "customer " + customerId;
    }
}
