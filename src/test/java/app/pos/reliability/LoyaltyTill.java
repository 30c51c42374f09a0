package app.pos.reliability;

import app.pos.catalog.ProductView;
import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * One till of the loyalty fault test: places orders for random members (cashier), some of them redeeming one of the
 * program's rewards ({@code rewardId}), and sometimes voids one of its own orders or refunds some of their units
 * (manager), each with its own Idempotency-Key (a void has none: voiding
 * twice is a 409 "already voided"). A request whose answer is in doubt (503, timeout, reset) is sent again with the
 * same key until the answer is definite; some first attempts get a timeout of a few milliseconds, so that the
 * client gives up on requests the server goes on to commit. A redemption the balance does not cover is a definite
 * 409 "Not enough points" (no order), which the till remembers too. It remembers what the server confirmed, for the
 * ledger checks afterwards.
 */
final class LoyaltyTill implements Runnable {

    /** What a till does next: REDEEM is an order with a {@code rewardId}. */
    enum Action {
        PLACE,
        REDEEM,
        VOID,
        REFUND
    }

    static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a till retries one request before it gives up (which fails the test). */
    static final Duration GIVE_UP_AFTER = Duration.ofSeconds(25);

    static final String CASHIER = TillHttp.basic("cashier", "cashier-password");
    static final String MANAGER = TillHttp.basic("manager", "manager-password");

    /** A reward of the test's program: its id, what it costs and the discount it gives. */
    record Reward(UUID id, long points, BigDecimal discount) {}

    /** An order the server confirmed, with what this till knows of it since; {@code reward} null if it redeemed none. */
    static final class Sold {
        final UUID id;
        final String key;
        final UUID customerId;
        final Reward reward;
        final Map<UUID, Integer> units;
        final Map<UUID, Integer> refunded = new LinkedHashMap<>();
        boolean voided;

        Sold(UUID id, String key, UUID customerId, Reward reward, Map<UUID, Integer> units) {
            this.id = id;
            this.key = key;
            this.customerId = customerId;
            this.reward = reward;
            this.units = units;
        }

        int remaining(UUID product) {
            return units.get(product) - refunded.getOrDefault(product, 0);
        }

        boolean anyRemaining() {
            return !voided && units.keySet().stream().anyMatch(p -> remaining(p) > 0);
        }
    }

    record Refunded(UUID id, String key, UUID orderId) {}

    /** A redemption answered 409 "Not enough points": no order may have its key. */
    record Refused(String key, UUID customerId, Reward reward) {}

    /** One action and every attempt it took; {@code answer} is null when the till gave up. */
    record Done(Action action, List<TillHttp.Reply> attempts, TillHttp.Reply answer) {}

    private final TillHttp http;
    private final List<UUID> members;
    private final List<ProductView> products;
    private final List<Reward> rewards;
    private final BooleanSupplier stopped;

    final List<Sold> sold = new ArrayList<>();
    final List<Refunded> refunds = new ArrayList<>();
    final List<Refused> refused = new ArrayList<>();
    final List<Done> done = Collections.synchronizedList(new ArrayList<>());
    final List<String> unexpected = new ArrayList<>();
    volatile Throwable crash;

    LoyaltyTill(
            TillHttp http,
            List<UUID> members,
            List<ProductView> products,
            List<Reward> rewards,
            BooleanSupplier stopped) {
        this.http = http;
        this.members = members;
        this.products = products;
        this.rewards = rewards;
        this.stopped = stopped;
    }

    @Override
    public void run() {
        try {
            while (!stopped.getAsBoolean()) {
                switch (next()) {
                    case PLACE -> place(null);
                    case REDEEM -> place(rewards.get(ThreadLocalRandom.current().nextInt(rewards.size())));
                    case VOID -> voidOne();
                    case REFUND -> refundSome();
                }
            }
        } catch (Throwable e) {
            crash = e;
        }
    }

    private Action next() {
        int roll = ThreadLocalRandom.current().nextInt(100);
        if (roll < 10 && sold.stream().anyMatch(s -> !s.voided && s.refunded.isEmpty())) {
            return Action.VOID;
        }
        if (roll >= 75 && sold.stream().anyMatch(Sold::anyRemaining)) {
            return Action.REFUND;
        }
        if (roll >= 60) {
            return Action.REDEEM;
        }
        return Action.PLACE;
    }

    /** An order for a random member, redeeming {@code reward} unless it is null. */
    private void place(Reward reward) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        UUID customer = members.get(random.nextInt(members.size()));
        List<ProductView> shuffled = new ArrayList<>(products);
        Collections.shuffle(shuffled, random);
        Map<UUID, Integer> units = new LinkedHashMap<>();
        StringBuilder items = new StringBuilder();
        for (ProductView product : shuffled.subList(0, 1 + random.nextInt(shuffled.size()))) {
            int quantity = 1 + random.nextInt(4);
            units.put(product.id(), quantity);
            items.append(items.isEmpty() ? "" : ",")
                    .append("{\"productId\":\"")
                    .append(product.id())
                    .append("\",\"quantity\":")
                    .append(quantity)
                    .append('}');
        }
        String body = "{\"items\":[" + items + "],\"customerId\":\"" + customer + "\",\"orderType\":\"TAKEAWAY\","
                + "\"paymentMethod\":\"" + (random.nextBoolean() ? "CASH" : "CARD") + "\""
                + (reward == null ? "" : ",\"rewardId\":\"" + reward.id() + "\"") + "}";
        String key = "loyalty-fault-" + UUID.randomUUID();
        Action action = reward == null ? Action.PLACE : Action.REDEEM;
        Done result = untilDefinite(action, "POST", "/api/v1/orders", CASHIER, key, body);
        TillHttp.Reply answer = result.answer();
        if (answer != null && (answer.status() == 201 || answer.status() == 200)) {
            sold.add(new Sold(id(answer), key, customer, reward, units));
        } else if (reward != null
                && answer != null
                && answer.status() == 409
                && answer.body() != null
                && answer.body().contains("\"title\":\"Not enough points\"")) {
            refused.add(new Refused(key, customer, reward));
        } else if (answer != null) {
            unexpected.add("placing " + key + ": " + result.answer());
        }
    }

    private void voidOne() throws InterruptedException {
        List<Sold> candidates =
                sold.stream().filter(s -> !s.voided && s.refunded.isEmpty()).toList();
        Sold order = candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
        Done result = untilDefinite(Action.VOID, "POST", "/api/v1/orders/" + order.id + "/void", MANAGER, null, null);
        TillHttp.Reply answer = result.answer();
        if (answer == null) {
            return;
        }
        // A 409 "already voided" after an attempt in doubt: that attempt committed.
        boolean earlierAttemptVoided = answer.status() == 409
                && result.attempts().size() > 1
                && answer.body() != null
                && answer.body().contains("\"title\":\"Order already voided\"");
        if (answer.status() == 200 || earlierAttemptVoided) {
            order.voided = true;
        } else {
            unexpected.add("voiding " + order.id + ": " + answer);
        }
    }

    private void refundSome() throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Sold> candidates = sold.stream().filter(Sold::anyRemaining).toList();
        Sold order = candidates.get(random.nextInt(candidates.size()));
        boolean everything = random.nextInt(4) == 0;
        Map<UUID, Integer> lines = new LinkedHashMap<>();
        for (UUID product : order.units.keySet()) {
            int remaining = order.remaining(product);
            if (remaining > 0 && (everything || random.nextBoolean())) {
                lines.put(product, everything ? remaining : 1 + random.nextInt(remaining));
            }
        }
        if (lines.isEmpty()) {
            UUID product = order.units.keySet().stream()
                    .filter(p -> order.remaining(p) > 0)
                    .findFirst()
                    .orElseThrow();
            lines.put(product, 1);
        }
        StringBuilder json = new StringBuilder();
        lines.forEach((product, quantity) -> json.append(json.isEmpty() ? "" : ",")
                .append("{\"productId\":\"")
                .append(product)
                .append("\",\"quantity\":")
                .append(quantity)
                .append('}'));
        String body = "{\"lines\":[" + json + "],\"reason\":\"Fault test\"}";
        String key = "loyalty-fault-refund-" + UUID.randomUUID();
        Done result =
                untilDefinite(Action.REFUND, "POST", "/api/v1/orders/" + order.id + "/refunds", MANAGER, key, body);
        TillHttp.Reply answer = result.answer();
        if (answer != null && (answer.status() == 201 || answer.status() == 200)) {
            lines.forEach((product, quantity) -> order.refunded.merge(product, quantity, Integer::sum));
            refunds.add(new Refunded(id(answer), key, order.id));
        } else if (answer != null) {
            unexpected.add("refunding " + lines + " of " + order.id + ": " + answer);
        }
    }

    /**
     * Sends the request until its answer is definite: anything but a 503 or no answer. A 5xx other than 503 is
     * recorded as unexpected and retried too (the request may have committed).
     */
    private Done untilDefinite(Action action, String method, String path, String auth, String key, String body)
            throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        List<TillHttp.Reply> attempts = new ArrayList<>();
        // voids are fewer and have no key: give up on more of them, so that "already voided" replies are seen
        int giveUpOneIn = action == Action.VOID ? 4 : 12;
        Duration timeout =
                random.nextInt(giveUpOneIn) == 0 ? Duration.ofMillis(1 + random.nextInt(15)) : CLIENT_TIMEOUT;
        while (true) {
            TillHttp.Reply reply = http.send(method, path, auth, key, body, timeout);
            attempts.add(reply);
            if (!reply.inDoubt() && reply.status() < 500) {
                Done result = new Done(action, List.copyOf(attempts), reply);
                done.add(result);
                return result;
            }
            if (reply.status() >= 500 && !reply.isProblem503()) {
                unexpected.add(action + " answered with something else than a 503 problem: " + reply);
            }
            if (System.nanoTime() > deadline) {
                unexpected.add(action + " gave up after " + attempts.size() + " attempts, the last: " + reply);
                Done result = new Done(action, List.copyOf(attempts), null);
                done.add(result);
                return result;
            }
            timeout = CLIENT_TIMEOUT;
            Thread.sleep(50 + random.nextInt(100));
        }
    }

    private static UUID id(TillHttp.Reply reply) {
        return UUID.fromString(JsonPath.read(reply.body(), "$.id"));
    }
}
