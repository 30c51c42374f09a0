package app.pos.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderType;
import app.pos.order.PaymentMethod;
import app.pos.shared.CustomerDetails;
import app.pos.support.DatabaseOutage;
import app.pos.support.Products;
import app.pos.support.RunningAppPostgresTest;
import app.pos.support.Sales;
import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The running application over real HTTP on PostgreSQL: many tills at once, the database cut off in the middle of
 * the rush, and clients that give up and retry. Money must stay exact to the cent through all of it, a failure must
 * be a quick 503 problem (never a 500 or a hang), and the application must recover on its own.
 */
@RunningAppPostgresTest
class LoadAndFaultPostgresIntegrationTests {

    private static final int CUSTOMERS = 200;
    private static final int CLIENTS = 64;
    /** Hikari's connection-timeout (5 s) plus a margin: no request may take longer, not even during an outage. */
    private static final Duration SLOWEST_ACCEPTABLE = Duration.ofSeconds(8);

    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(15);
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    CustomerService customers;

    @Autowired
    ProductService products;

    @Autowired
    JdbcClient jdbc;

    @Value("${spring.datasource.hikari.connection-timeout}")
    long connectionTimeoutMillis;

    HttpClient http;
    String authorization;
    List<UUID> customerIds;
    ProductView coffee;
    ProductView cake;

    @BeforeEach
    void setUp() {
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        authorization = "Basic "
                + Base64.getEncoder().encodeToString("cashier:cashier-password".getBytes(StandardCharsets.UTF_8));
        coffee = Products.create(products, "Load Coffee", "Load", "3.45");
        cake = Products.create(products, "Load Cake", "Load", "4.99");
        // One request first, so the cashier's password is verified (bcrypt) once and not by 64 clients at once.
        assertThat(sendGet("/api/v1/products").statusCode()).isEqualTo(200);
        customerIds = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < CUSTOMERS; i++) {
            customerIds.add(customers
                    .create(new CustomerDetails("Load " + run + " #" + i, null, null, null))
                    .id());
        }
    }

    @AfterEach
    void neverLeaveTheDatabaseClosed() throws SQLException {
        // The fault test restores this in its own finally; this is a second safety net for the other test classes,
        // which share the database.
        DatabaseOutage.allowConnections(true);
    }

    @Test
    void sixtyFourTillsAtOnceKeepEveryCustomersStatsExact() throws Exception {
        Load load = new Load(CLIENTS, 2_000);
        load.start();
        Thread.sleep(8_000);
        List<Result> results = load.stop();

        assertThat(results).as("requests sent").isNotEmpty();
        List<Result> not201 = results.stream().filter(r -> r.status != 201).toList();
        assertThat(results.stream().filter(r -> r.status >= 500 || r.status < 0).toList())
                .as("5xx responses or transport errors under load; every non-201 response:%n%s", describe(not201))
                .isEmpty();
        assertThat(not201)
                .as("every order under load must be created (201); these were not:%n%s", describe(not201))
                .isEmpty();

        assertThat(statsMismatches())
                .as("customers whose stats differ from their COMPLETED orders")
                .isEmpty();
        Set<String> created = keysOf(results, 201);
        assertThat(countOrdersOfTheseCustomers())
                .as("orders stored for the load's customers")
                .isEqualTo(created.size());
        assertThat(storedKeys()).as("idempotency keys of the stored orders").isEqualTo(created);

        report("load", results, load.elapsedNanos());
    }

    @Test
    void cuttingTheAppOffItsDatabaseMidRushGivesQuickFailuresAutomaticRecoveryAndNoHalfWrittenOrders()
            throws Exception {
        Outage outage = runOutage();
        List<Result> results = outage.results;
        List<Result> failed = results.stream().filter(r -> r.status != 201).toList();

        List<Result> slow = results.stream()
                .filter(r -> r.start >= outage.steadyAt && r.nanos() > SLOWEST_ACCEPTABLE.toNanos())
                .toList();
        assertThat(slow)
                .as(
                        "requests slower than %s ms (connection-timeout %s ms + margin):%n%s",
                        SLOWEST_ACCEPTABLE.toMillis(), connectionTimeoutMillis, describe(slow))
                .isEmpty();

        // Every failure, including one while HTTP Basic authentication reads the staff row, is a 503 problem.
        List<Result> unexpected = failed.stream().filter(r -> !r.isProblem503()).toList();
        assertThat(unexpected)
                .as(
                        "failed requests that are not a 503 problem+json with Retry-After (of %d failed):%n%s",
                        failed.size(), describe(unexpected))
                .isEmpty();

        long firstSuccess = outage.firstSuccessAfterRestore;
        assertThat(firstSuccess)
                .as("a request succeeded after the database came back")
                .isNotNegative();
        assertThat(Duration.ofNanos(firstSuccess - outage.restoredAt))
                .as("time from the database coming back to the first successful order")
                .isLessThanOrEqualTo(RECOVERY_LIMIT);
        List<Result> failedAfterRecovery = results.stream()
                .filter(r -> r.start > firstSuccess + TimeUnit.SECONDS.toNanos(2) && r.status != 201)
                .toList();
        assertThat(failedAfterRecovery)
                .as("requests failing more than 2 s after the app recovered:%n%s", describe(failedAfterRecovery))
                .isEmpty();

        assertThat(halfWrittenOrders())
                .as("orders without items or whose amounts do not add up")
                .isEmpty();
        assertThat(statsMismatches())
                .as("customers whose stats differ from their COMPLETED orders")
                .isEmpty();
        Set<String> created = keysOf(results, 201);
        Set<String> stored = storedKeys();
        Set<String> sent = results.stream().map(r -> r.key).collect(Collectors.toSet());
        assertThat(stored).as("every 201 order is stored").containsAll(created);
        assertThat(sent).as("every stored order was sent by this test").containsAll(stored);
        Set<String> inDoubt = new HashSet<>(stored);
        inDoubt.removeAll(created);

        report("fault", results, outage.elapsedNanos);
        System.out.printf(
                "[fault] database %s closed for 3 s, %d backends terminated; %d requests failed (%d 503 "
                        + "problems, %d authentication 500s), slowest %d ms; first success %d ms after the database "
                        + "came back; %d orders answered with an error but committed (in-doubt commits)%n",
                outage.database,
                outage.terminated,
                failed.size(),
                failed.stream().filter(Result::isProblem503).count(),
                failed.stream().filter(Result::isFilterChain500).count(),
                results.stream().mapToLong(Result::nanos).max().orElse(0) / 1_000_000,
                (firstSuccess - outage.restoredAt) / 1_000_000,
                inDoubt.size());
        results.stream()
                .filter(r -> inDoubt.contains(r.key))
                .forEach(r -> System.out.printf(
                        "[fault] in-doubt commit, started %d ms after the cut: %s%n",
                        (r.start - outage.cutAt) / 1_000_000, r));
    }

    @Test
    void everyRequestFailedByADatabaseOutageIsA503ProblemWithRetryAfter() throws Exception {
        Outage outage = runOutage();
        List<Result> failed =
                outage.results.stream().filter(r -> r.status != 201).toList();
        List<Result> notProper503 =
                failed.stream().filter(r -> !r.isProblem503()).toList();
        assertThat(notProper503)
                .as(
                        "every failed request must be a 503 problem+json with Retry-After; these were not "
                                + "(of %d failed):%n%s",
                        failed.size(), describe(notProper503))
                .isEmpty();
    }

    record Outage(
            String database,
            int terminated,
            long steadyAt,
            long cutAt,
            long restoredAt,
            long firstSuccessAfterRestore,
            List<Result> results,
            long elapsedNanos) {}

    /**
     * The load for a few seconds, then the app cut off its database for about 3 s (no new connections, every
     * existing one terminated), then the load until the app has recovered (at most 15 s) and 3 s more.
     */
    private Outage runOutage() throws Exception {
        Load load = new Load(CLIENTS, 100_000);
        DatabaseOutage.Cut cut;
        long steadyAt;
        load.start();
        try {
            // Cut only once the tills are selling steadily (JIT warm, pool busy), and after 2 s at the earliest.
            long steadyDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Thread.sleep(2_000);
            while (load.successes() < 2 * CLIENTS && System.nanoTime() < steadyDeadline) {
                Thread.sleep(100);
            }
            assertThat(load.successes()).as("orders placed before the cut").isGreaterThanOrEqualTo(2 * CLIENTS);
            steadyAt = System.nanoTime();
            Thread.sleep(500);
            cut = DatabaseOutage.cutFor(Duration.ofSeconds(3));
            long recoveryDeadline = cut.restoredAt() + RECOVERY_LIMIT.toNanos();
            while (load.firstSuccessStartedAfter(cut.restoredAt()) < 0 && System.nanoTime() < recoveryDeadline) {
                Thread.sleep(100);
            }
            Thread.sleep(3_000); // keep selling a little longer to see that the recovery holds
        } finally {
            load.stopQuietly();
        }
        List<Result> results = load.results();
        assertThat(cut.terminated())
                .as("backends of %s terminated (the outage really happened)", cut.database())
                .isPositive();
        assertThat(results.stream().filter(r -> r.status != 201).toList())
                .as("requests that failed during the outage (the outage must be visible to clients)")
                .isNotEmpty();
        return new Outage(
                cut.database(),
                cut.terminated(),
                steadyAt,
                cut.cutAt(),
                cut.restoredAt(),
                load.firstSuccessStartedAfter(cut.restoredAt()),
                results,
                load.elapsedNanos());
    }

    @Test
    void aClientThatTimesOutAndRetriesWithTheSameKeyNeverCreatesASecondOrder() throws Exception {
        int firstTimedOut = 0;
        int replayed = 0;
        Map<String, UUID> keys = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            UUID customer = customerIds.get(i);
            String key = "retry-" + UUID.randomUUID();
            String body = orderBody(customer);
            Result first = send(key, body, Duration.ofMillis(1 + i % 5));
            if (first.timedOut()) {
                firstTimedOut++;
            }
            Result last = retryUntilAccepted(key, body);
            assertThat(last.status).as("retry of %s ended with %s", key, last).isIn(200, 201);
            if (last.status == 200) {
                replayed++; // the attempt the client gave up on had committed
            }
            // One more retry, as a client that missed the answer to its retry would send: always a replay.
            Result again = send(key, body, CLIENT_TIMEOUT);
            assertThat(again.status).as("another retry of %s: %s", key, again).isEqualTo(200);
            assertThat((String) JsonPath.read(again.body, "$.id")).isEqualTo(JsonPath.read(last.body, "$.id"));
            keys.put(key, customer);
        }
        Thread.sleep(500); // let any late first attempt arrive: it may only replay
        // The point of this test is the attempt that timed out on the client but committed on the server; with
        // 1-5 ms timeouts on a warm connection this happens for a good share of the 20 keys.
        assertThat(replayed)
                .as("retries answered with the order of an attempt the client had given up on")
                .isPositive();
        for (var entry : keys.entrySet()) {
            assertThat(countOrdersWithKey(entry.getKey()))
                    .as("orders with key %s", entry.getKey())
                    .isEqualTo(1);
            CustomerView after = customers.get(entry.getValue());
            assertThat(after.visitCount())
                    .as("visits of the customer of %s", entry.getKey())
                    .isEqualTo(1);
            assertThat(after.totalSpent()).isEqualByComparingTo(orderTotalWithKey(entry.getKey()));
        }
        System.out.printf(
                "[retries] 20 keys: %d first attempts timed out, %d retries were answered with the first "
                        + "attempt's order (200 replay)%n",
                firstTimedOut, replayed);
    }

    @Test
    void eightClientsRetryingTheSameKeyConcurrentlyMakeOneOrder() throws Exception {
        UUID customer = customerIds.get(0);
        String key = "retry-many-" + UUID.randomUUID();
        String body = orderBody(customer);
        List<Result> all = Collections.synchronizedList(new ArrayList<>());
        List<Result> finals = Collections.synchronizedList(new ArrayList<>());
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        warmUpConnections(8); // so the short first attempts go out on open connections and can reach the server
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    Result first = send(key, body, Duration.ofMillis(1 + thread % 5));
                    all.add(first);
                    Result last = retryUntilAccepted(key, body, all);
                    finals.add(last);
                } catch (Throwable e) {
                    errors.add(e);
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        assertThat(errors).isEmpty();
        assertThat(finals)
                .hasSize(8)
                .allSatisfy(r -> assertThat(r.status).as("%s", r).isIn(200, 201));
        assertThat(finals.stream()
                        .map(r -> (String) JsonPath.read(r.body, "$.id"))
                        .distinct()
                        .count())
                .as("order ids returned to the 8 clients")
                .isEqualTo(1);
        Thread.sleep(500);
        assertThat(all.stream().filter(r -> r.status == 201).count())
                .as("201 responses for one key")
                .isLessThanOrEqualTo(1);
        assertThat(countOrdersWithKey(key)).isEqualTo(1);
        assertThat(customers.get(customer).visitCount()).isEqualTo(1);
        System.out.printf(
                "[retries] 8 concurrent clients, one key: %d requests, %d created, %d replayed, %d timed out; "
                        + "by outcome %s%n",
                all.size(),
                all.stream().filter(r -> r.status == 201).count(),
                all.stream().filter(r -> r.status == 200).count(),
                all.stream().filter(Result::timedOut).count(),
                outcomes(all));
    }

    // ---- HTTP ----

    record Result(
            String key,
            int status,
            long start,
            long end,
            String contentType,
            String retryAfter,
            String body,
            String error) {

        long nanos() {
            return end - start;
        }

        boolean timedOut() {
            return error != null
                    && error.startsWith(HttpTimeoutException.class.getPackageName())
                    && error.contains("TimeoutException");
        }

        boolean isProblem503() {
            return status == 503
                    && contentType != null
                    && contentType.startsWith("application/problem+json")
                    && retryAfter != null
                    && body != null
                    && body.contains("\"status\":503");
        }

        /** Spring Boot's default error body: what an exception escaping the filter chain is answered with. */
        boolean isFilterChain500() {
            return status == 500
                    && contentType != null
                    && contentType.startsWith("application/json")
                    && body != null
                    && body.contains("\"error\":\"Internal Server Error\"");
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return "status " + status + " after " + nanos() / 1_000_000 + " ms, key " + key
                    + (error != null ? ", error " + error : "") + ", content-type " + contentType
                    + ", Retry-After " + retryAfter + ", body " + shown;
        }
    }

    private Result send(String key, String body, Duration timeout) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/orders"))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Result(
                    key,
                    response.statusCode(),
                    start,
                    System.nanoTime(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.body(),
                    null);
        } catch (IOException e) {
            return new Result(key, -1, start, System.nanoTime(), null, null, null, e.toString());
        }
    }

    private HttpResponse<String> sendGet(String path) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .timeout(CLIENT_TIMEOUT)
                            .header("Authorization", authorization)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opens {@code n} keep-alive connections to the app (concurrent GETs), which the client then reuses. */
    private void warmUpConnections(int n) throws Exception {
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            responses.add(http.sendAsync(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/products"))
                            .timeout(CLIENT_TIMEOUT)
                            .header("Authorization", authorization)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (var response : responses) {
            assertThat(response.get().statusCode()).isEqualTo(200);
        }
    }

    private Result retryUntilAccepted(String key, String body) throws InterruptedException {
        return retryUntilAccepted(key, body, new ArrayList<>());
    }

    private Result retryUntilAccepted(String key, String body, List<Result> log) throws InterruptedException {
        Result last = null;
        for (int attempt = 0; attempt < 50; attempt++) {
            last = send(key, body, CLIENT_TIMEOUT);
            log.add(last);
            if (last.status == 200 || last.status == 201) {
                return last;
            }
            Thread.sleep(50);
        }
        return last;
    }

    private String orderBody(UUID customer) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int lines = 1 + random.nextInt(3);
        Sales.Sale sale = null;
        for (int i = 0; i < lines; i++) {
            ProductView product = random.nextBoolean() ? coffee : cake;
            int quantity = 1 + random.nextInt(5);
            sale = sale == null ? Sales.of(product, quantity) : sale.and(product, quantity);
        }
        return sale.forCustomer(customer)
                .as(random.nextBoolean() ? OrderType.DINE_IN : OrderType.TAKEAWAY)
                .paidBy(List.of(PaymentMethod.CASH, PaymentMethod.CARD, PaymentMethod.OTHER)
                        .get(random.nextInt(3)))
                .json();
    }

    /** {@code clients} threads each placing orders for random customers until stopped or after {@code maxPerClient}. */
    private final class Load {
        private final int clients;
        private final int maxPerClient;
        private final List<Thread> threads = new ArrayList<>();
        private final List<Result> results = Collections.synchronizedList(new ArrayList<>());
        private final Map<Integer, Throwable> crashes = new ConcurrentHashMap<>();
        private final AtomicInteger running = new AtomicInteger();
        private volatile boolean stopped;
        private long startedAt;
        private long stoppedAt;

        Load(int clients, int maxPerClient) {
            this.clients = clients;
            this.maxPerClient = maxPerClient;
        }

        void start() {
            startedAt = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                int client = c;
                Thread thread = new Thread(() -> {
                    running.incrementAndGet();
                    try {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        for (int i = 0; i < maxPerClient && !stopped; i++) {
                            UUID customer = customerIds.get(random.nextInt(customerIds.size()));
                            results.add(send("load-" + UUID.randomUUID(), orderBody(customer), CLIENT_TIMEOUT));
                        }
                    } catch (Throwable e) {
                        crashes.put(client, e);
                    } finally {
                        running.decrementAndGet();
                    }
                });
                thread.setName("till-" + c);
                threads.add(thread);
                thread.start();
            }
        }

        List<Result> stop() throws InterruptedException {
            stopped = true;
            for (Thread thread : threads) {
                thread.join(CLIENT_TIMEOUT.toMillis() + 5_000);
            }
            stoppedAt = System.nanoTime();
            assertThat(running.get()).as("client threads still running").isZero();
            assertThat(crashes).as("client threads that crashed").isEmpty();
            return results();
        }

        void stopQuietly() throws InterruptedException {
            stopped = true;
            for (Thread thread : threads) {
                thread.join(CLIENT_TIMEOUT.toMillis() + 5_000);
            }
            stoppedAt = System.nanoTime();
            assertThat(crashes).as("client threads that crashed").isEmpty();
        }

        List<Result> results() {
            synchronized (results) {
                return List.copyOf(results);
            }
        }

        long elapsedNanos() {
            return stoppedAt - startedAt;
        }

        long successes() {
            synchronized (results) {
                return results.stream().filter(r -> r.status == 201).count();
            }
        }

        /** When the first successful request that started after {@code time} started, or -1. */
        long firstSuccessStartedAfter(long time) {
            synchronized (results) {
                return results.stream()
                        .filter(r -> r.status == 201 && r.start > time)
                        .mapToLong(Result::start)
                        .min()
                        .orElse(-1);
            }
        }
    }

    private static void report(String name, List<Result> results, long elapsedNanos) {
        long[] micros =
                results.stream().mapToLong(r -> r.nanos() / 1_000).sorted().toArray();
        long created = results.stream().filter(r -> r.status == 201).count();
        double seconds = elapsedNanos / 1e9;
        System.out.printf(
                "[%s] %d clients, %d requests in %.1f s, %d orders created, %.0f orders/s, latency p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n",
                name,
                CLIENTS,
                results.size(),
                seconds,
                created,
                created / seconds,
                percentile(micros, 50) / 1000.0,
                percentile(micros, 99) / 1000.0,
                micros.length == 0 ? 0 : micros[micros.length - 1] / 1000.0);
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String describe(Collection<Result> results) {
        if (results.isEmpty()) {
            return "(none)";
        }
        return "by status: " + outcomes(results) + "\n"
                + results.stream()
                        .sorted(Comparator.comparingLong(Result::start))
                        .map(Result::toString)
                        .collect(Collectors.joining("\n"));
    }

    private static Map<String, Long> outcomes(Collection<Result> results) {
        return results.stream()
                .collect(Collectors.groupingBy(
                        r -> r.status + (r.error != null ? " " + r.error.split(":")[0] : ""),
                        java.util.TreeMap::new,
                        Collectors.counting()));
    }

    private static Set<String> keysOf(List<Result> results, int status) {
        return results.stream().filter(r -> r.status == status).map(Result::key).collect(Collectors.toSet());
    }

    // ---- database checks ----

    private List<String> statsMismatches() {
        return jdbc
                .sql("""
                SELECT c.id, c.total_spent, c.visit_count,
                       COALESCE(SUM(o.total) FILTER (WHERE o.status = 'COMPLETED'), 0) AS spent,
                       COUNT(o.id) FILTER (WHERE o.status = 'COMPLETED') AS visits
                FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
                WHERE c.id IN (:ids)
                GROUP BY c.id, c.total_spent, c.visit_count
                """)
                .param("ids", customerIds)
                .query((rs, n) -> rs.getBigDecimal("total_spent").compareTo(rs.getBigDecimal("spent")) == 0
                                && rs.getLong("visit_count") == rs.getLong("visits")
                        ? null
                        : rs.getString("id") + ": stored " + rs.getBigDecimal("total_spent") + " / "
                                + rs.getLong("visit_count") + " visits, orders say " + rs.getBigDecimal("spent") + " / "
                                + rs.getLong("visits"))
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private List<String> halfWrittenOrders() {
        return jdbc.sql("""
                SELECT o.id, o.subtotal, o.discount, o.tax, o.total, COUNT(i.order_id) AS lines,
                       COALESCE(SUM(i.line_total), 0) AS items_total
                FROM orders o LEFT JOIN order_items i ON i.order_id = o.id
                WHERE o.customer_id IN (:ids)
                GROUP BY o.id, o.subtotal, o.discount, o.tax, o.total
                HAVING COUNT(i.order_id) = 0 OR o.subtotal <> COALESCE(SUM(i.line_total), 0)
                    OR o.total <> o.subtotal - o.discount + o.tax
                """)
                .param("ids", customerIds)
                .query((rs, n) -> rs.getString("id") + ": " + rs.getLong("lines") + " lines adding up to "
                        + rs.getBigDecimal("items_total") + ", subtotal " + rs.getBigDecimal("subtotal") + ", discount "
                        + rs.getBigDecimal("discount") + ", tax " + rs.getBigDecimal("tax") + ", total "
                        + rs.getBigDecimal("total"))
                .list();
    }

    private long countOrdersOfTheseCustomers() {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE customer_id IN (:ids)")
                .param("ids", customerIds)
                .query(Long.class)
                .single();
    }

    private Set<String> storedKeys() {
        return new HashSet<>(jdbc.sql("SELECT idempotency_key FROM orders WHERE customer_id IN (:ids)")
                .param("ids", customerIds)
                .query(String.class)
                .list());
    }

    private long countOrdersWithKey(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM orders WHERE idempotency_key = :key")
                .param("key", key)
                .query(Long.class)
                .single();
    }

    private BigDecimal orderTotalWithKey(String key) {
        return jdbc.sql("SELECT total FROM orders WHERE idempotency_key = :key")
                .param("key", key)
                .query(BigDecimal.class)
                .single();
    }
}
