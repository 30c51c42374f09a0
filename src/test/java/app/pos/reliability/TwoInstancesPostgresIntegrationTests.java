package app.pos.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.pos.order.PaymentMethod;
import app.pos.support.Json;
import app.pos.support.PackagedApp;
import app.pos.support.PostgresTestDatabase;
import app.pos.support.RequiresPostgres;
import app.pos.support.Sales;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two real app processes (the packaged jar) on different ports against one PostgreSQL database, started at the
 * same moment: a login made on one works on the other (sessions live in the database), a cart filled on one is
 * seen by the other, and orders taken on both at once for the same customers leave exact statistics.
 */
@ExtendWith(RequiresPostgres.class)
class TwoInstancesPostgresIntegrationTests {

    private static final String PASSWORD = "two-instances-password";
    private static final String AUTH =
            "Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final List<Process> processes = new ArrayList<>();
    private static String database;
    private static String url;
    private static int portA;
    private static int portB;
    private static Path logs;

    private final HttpClient api =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTwoInstances() throws Exception {
        Path jar = PackagedApp.jar();
        assumeTrue(jar != null, "the packaged jar (target/pos-*.jar) is built by `mvn verify` before this test");
        database = "pos_two_" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String admin = PostgresTestDatabase.url();
        String server = admin.substring(0, admin.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(
                        server + "postgres", PostgresTestDatabase.user(), PostgresTestDatabase.password());
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        url = server + database;
        portA = PackagedApp.freePort();
        portB = PackagedApp.freePort();
        logs = Files.createTempDirectory("two-instances");
        // Both at once on an empty database: Flyway and the first-admin bootstrap must cope with the race.
        processes.add(start(jar, portA));
        processes.add(start(jar, portB));
        waitHealthy(portA);
        waitHealthy(portB);
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (database != null) {
            String admin = PostgresTestDatabase.url();
            try (Connection c = DriverManager.getConnection(
                            admin.substring(0, admin.lastIndexOf('/') + 1) + "postgres",
                            PostgresTestDatabase.user(),
                            PostgresTestDatabase.password());
                    Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    @Test
    void aLoginAndACartMadeOnOneInstanceWorkOnTheOther() throws Exception {
        String productId = createProduct("Shared Soup", "5.50");
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String loginPage = browser.send(get(portA, "/login"), HttpResponse.BodyHandlers.ofString())
                .body();
        String token = csrf(loginPage);
        HttpResponse<String> login = browser.send(
                HttpRequest.newBuilder(uri(portA, "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=admin&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                                        + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> tillOnB = browser.send(get(portB, "/pos"), HttpResponse.BodyHandlers.ofString());
        assertThat(tillOnB.statusCode())
                .as("the session made on A is valid on B")
                .isEqualTo(200);
        assertThat(tillOnB.body()).contains("Shared Soup").contains(">admin<");

        String pageToken = meta(tillOnB.body());
        HttpResponse<String> added = browser.send(
                HttpRequest.newBuilder(uri(portA, "/pos/cart/add/" + productId))
                        .header("HX-Request", "true")
                        .header("X-CSRF-TOKEN", pageToken)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(added.statusCode()).isEqualTo(200);
        HttpResponse<String> cartOnB = browser.send(
                HttpRequest.newBuilder(uri(portB, "/pos/cart"))
                        .header("HX-Request", "true")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(cartOnB.body())
                .as("the cart filled on A is in the session B reads")
                .contains("Shared Soup")
                .contains("$5.94");
    }

    @Test
    void a50000RowImportUploadLeavesTheSessionSmallAndTheOtherInstanceChecksIt() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String token = csrf(browser.send(get(portA, "/login"), HttpResponse.BodyHandlers.ofString())
                .body());
        browser.send(
                HttpRequest.newBuilder(uri(portA, "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=admin&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
                                        + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String pageToken =
                meta(browser.send(get(portA, "/admin/customers/import"), HttpResponse.BodyHandlers.ofString())
                        .body());
        String sessionId = new String(
                Base64.getDecoder()
                        .decode(cookies.getCookieStore().getCookies().stream()
                                .filter(c -> c.getName().equals("SESSION"))
                                .findFirst()
                                .orElseThrow()
                                .getValue()),
                StandardCharsets.UTF_8);
        long before = sessionBytes(sessionId);

        StringBuilder csv = new StringBuilder("Name,Email\r\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append("Big Import ").append(i).append(",big").append(i).append("@big.example.com\r\n");
        }
        String boundary = "----pos-import-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> uploaded = browser.send(
                HttpRequest.newBuilder(uri(portA, "/admin/customers/import"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("X-CSRF-TOKEN", pageToken)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(uploaded.statusCode()).isEqualTo(200);
        assertThat(uploaded.body()).contains("id=\"mapping-form\"").contains("50,000");
        long after = sessionBytes(sessionId);
        System.out.println("session attributes: " + before + " bytes before, " + after + " bytes after uploading "
                + csv.length() + " bytes of CSV");
        assertThat(after).as("the session after a 50,000-row upload").isLessThan(before + 1_000);

        HttpResponse<String> checkedOnB = browser.send(
                HttpRequest.newBuilder(uri(portB, "/admin/customers/import/check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-CSRF-TOKEN", pageToken)
                        .POST(HttpRequest.BodyPublishers.ofString("map_name=0&map_email=1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(checkedOnB.statusCode()).isEqualTo(200);
        assertThat(checkedOnB.body())
                .as("the upload made on A is checked on B")
                .contains("id=\"valid-count\">50,000 rows can be imported<");
    }

    /** The bytes of the session's attributes as Spring Session JDBC stores them. */
    private static long sessionBytes(String sessionId) throws Exception {
        try (Connection c =
                        DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
                java.sql.PreparedStatement s =
                        c.prepareStatement("SELECT COALESCE(SUM(OCTET_LENGTH(a.ATTRIBUTE_BYTES)), 0) "
                                + "FROM SPRING_SESSION_ATTRIBUTES a JOIN SPRING_SESSION s ON s.PRIMARY_ID = a.SESSION_PRIMARY_ID "
                                + "WHERE s.SESSION_ID = ?")) {
            s.setString(1, sessionId);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void ordersTakenOnBothInstancesAtOnceKeepExactStats() throws Exception {
        String soup = createProduct("Two Soup", "6.95");
        String bread = createProduct("Two Bread", "1.15");
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> created = api.send(
                    post(portA, "/api/v1/customers", "{\"name\":\"Twin " + i + "\"}"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            customers.add(Json.read(created.body(), "$.id"));
        }
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        for (int t = 0; t < 16; t++) {
            int port = t % 2 == 0 ? portA : portB;
            pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    String customer = customers.get(ThreadLocalRandom.current().nextInt(customers.size()));
                    String body = Sales.of(UUID.fromString(soup), 1 + i % 3)
                            .and(UUID.fromString(bread), 1)
                            .forCustomer(UUID.fromString(customer))
                            .paidBy(PaymentMethod.CARD)
                            .json();
                    try {
                        HttpResponse<String> r =
                                api.send(post(port, "/api/v1/orders", body), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 201) {
                            failures.add(port + " → " + r.statusCode() + " " + r.body());
                        }
                    } catch (Exception e) {
                        failures.add(port + " → " + e);
                    }
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
        assertThat(failures).isEmpty();

        try (Connection c =
                        DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                     SELECT c.name, c.total_spent, c.visit_count,
                            (SELECT COALESCE(SUM(total), 0) FROM orders o WHERE o.customer_id = c.id AND o.status = 'COMPLETED') AS spent,
                            (SELECT COUNT(*) FROM orders o WHERE o.customer_id = c.id AND o.status = 'COMPLETED') AS visits
                     FROM customers c WHERE c.name LIKE 'Twin %'""")) {
            int total = 0;
            while (rs.next()) {
                BigDecimal stored = rs.getBigDecimal("total_spent");
                assertThat(stored).as(rs.getString("name")).isEqualByComparingTo(rs.getBigDecimal("spent"));
                assertThat(rs.getInt("visit_count")).as(rs.getString("name")).isEqualTo(rs.getInt("visits"));
                total += rs.getInt("visits");
            }
            assertThat(total).isEqualTo(16 * 25);
        }
    }

    @Test
    void anonymousVisitsTheLoginPageAndFailedLoginsAddNoSessionRows() throws Exception {
        long before = sessionRows();
        HttpClient anonymous =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        for (int i = 0; i < 200; i++) {
            int port = i % 2 == 0 ? portA : portB;
            assertThat(anonymous
                            .send(
                                    get(port, i % 4 < 2 ? "/pos" : "/admin/customers"),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode())
                    .isEqualTo(302);
            // A fresh visitor each time, as a scanner or a crowd of new browsers would be.
            HttpResponse<String> loginPage =
                    HttpClient.newHttpClient().send(get(port, "/login"), HttpResponse.BodyHandlers.ofString());
            assertThat(loginPage.statusCode()).isEqualTo(200);
            csrf(loginPage.body());
        }
        long afterPages = sessionRows();
        for (int i = 0; i < 20; i++) {
            HttpClient browser =
                    HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            String token =
                    csrf(browser.send(get(i % 2 == 0 ? portA : portB, "/login"), HttpResponse.BodyHandlers.ofString())
                            .body());
            HttpResponse<String> failed = browser.send(
                    login(i % 2 == 0 ? portB : portA, "nobody-" + i, "not-a-password", token),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(failed.statusCode()).isEqualTo(302);
            assertThat(failed.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        }
        long after = sessionRows();
        System.out.println("spring_session rows: " + before + " before, " + afterPages
                + " after 200 anonymous page visits and 200 login pages, " + after + " after 20 failed logins");
        assertThat(afterPages)
                .as("200 anonymous page visits and 200 login pages store no session")
                .isEqualTo(before);
        assertThat(after).as("20 failed logins store no session").isEqualTo(before);
    }

    @Test
    void aLoginFormPostNeedsTheCsrfTokenOfItsOwnVisitorOnEitherInstance() throws Exception {
        HttpClient visitor =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpClient other =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String otherToken = csrf(other.send(get(portA, "/login"), HttpResponse.BodyHandlers.ofString())
                .body());
        String token = csrf(visitor.send(get(portA, "/login"), HttpResponse.BodyHandlers.ofString())
                .body());

        // Refused before the password is checked: SessionEnded sends the browser back to the login page.
        HttpClient noCookies = HttpClient.newHttpClient();
        refused(
                noCookies.send(login(portA, "admin", PASSWORD, null), HttpResponse.BodyHandlers.discarding()),
                "a login without any CSRF token");
        refused(
                noCookies.send(login(portA, "admin", PASSWORD, token), HttpResponse.BodyHandlers.discarding()),
                "a login with a form's token but without its cookie");
        refused(
                visitor.send(login(portB, "admin", PASSWORD, otherToken), HttpResponse.BodyHandlers.discarding()),
                "a login with another visitor's token");
        assertThat(visitor.send(get(portA, "/pos"), HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .as("still not logged in")
                .isEqualTo(302);

        HttpResponse<String> loggedIn =
                visitor.send(login(portB, "admin", PASSWORD, token), HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location").orElse(""))
                .as("the form from A logs in on B")
                .endsWith("/pos");
        assertThat(visitor.send(get(portA, "/pos"), HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(200);
    }

    private static void refused(HttpResponse<?> response, String what) {
        assertThat(response.statusCode()).as(what).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse(""))
                .as(what)
                .endsWith("/login");
        assertThat(response.headers().allValues("Set-Cookie")).as(what).noneMatch(c -> c.startsWith("SESSION="));
    }

    private static HttpRequest login(int port, String username, String password, String token) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + (token == null ? "" : "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(port, "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    private static long sessionRows() throws Exception {
        try (Connection c =
                        DriverManager.getConnection(url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM spring_session")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String createProduct(String name, String price) throws Exception {
        HttpResponse<String> created = api.send(
                post(
                        portB,
                        "/api/v1/products",
                        "{\"name\":\"" + name + "\",\"category\":\"Kitchen\",\"price\":" + price + "}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.read(created.body(), "$.id");
    }

    private static HttpRequest get(int port, String path) {
        return HttpRequest.newBuilder(uri(port, path)).GET().build();
    }

    private static HttpRequest post(int port, String path, String json) {
        return HttpRequest.newBuilder(uri(port, path))
                .header("Authorization", AUTH)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("login form has a CSRF token").isTrue();
        return m.group(1);
    }

    private static String meta(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("page has a CSRF meta tag").isTrue();
        return m.group(1);
    }

    private static Process start(Path jar, int port) throws IOException {
        File log = logs.resolve("instance-" + port + ".log").toFile();
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "--server.port=" + port,
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + PostgresTestDatabase.user(),
                        "--spring.datasource.password=" + PostgresTestDatabase.password(),
                        "--pos.admin.password=" + PASSWORD,
                        "--pos.demo-data=false",
                        "--logging.level.root=WARN")
                .redirectErrorStream(true)
                .redirectOutput(log)
                .start();
    }

    private static void waitHealthy(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(get(port, "/actuator/health"), HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            for (Process p : processes) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("an instance died on start-up; log: "
                            + Files.readString(logs.resolve("instance-" + port + ".log")));
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("instance on port " + port + " did not become healthy; log: "
                + Files.readString(logs.resolve("instance-" + port + ".log")));
    }
}
