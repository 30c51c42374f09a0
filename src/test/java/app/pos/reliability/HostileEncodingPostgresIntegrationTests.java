package app.pos.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import app.pos.support.RunningAppPostgresTest;
import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A NUL byte or invalid UTF-8 in a parameter, the login form or the credentials, over real HTTP (Tomcat decodes them, not a
 * mock): a 400 problem (401 for credentials), never a 500, and logged briefly at WARN or below, never as an ERROR
 * with a stack trace.
 */
@RunningAppPostgresTest
@ExtendWith(OutputCaptureExtension.class)
class HostileEncodingPostgresIntegrationTests {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String pathAndQuery, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String basic(byte[] credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials);
    }

    static final String CASHIER = basic("cashier:cashier-password".getBytes(StandardCharsets.UTF_8));

    static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode())
                .as("status of %s: %s", response.uri(), response.body())
                .isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status);
    }

    static void assertNoErrorLogged(CapturedOutput output) {
        List<String> errors = output.getAll()
                .lines()
                .filter(line -> line.contains(" ERROR ") || line.startsWith("\tat ") || line.contains("Exception: "))
                .toList();
        assertThat(errors).as("ERROR lines or stack traces logged").isEmpty();
    }

    @Test
    void aNulByteOrInvalidUtf8InAParameterIsA400Problem(CapturedOutput output) throws Exception {
        for (String query : List.of(
                "/api/v1/customers?q=%00",
                "/api/v1/customers?q=ab%00cd",
                "/api/v1/customers?q=%FF%FE",
                "/api/v1/customers?q=%C3%28",
                "/api/v1/customers/lookup?phone=%00",
                "/api/v1/customers/lookup?phone=%FF",
                "/api/v1/customers?q=ada&limit=%00")) {
            assertProblem(get(query, CASHIER), 400);
        }
        assertNoErrorLogged(output);
    }

    @Test
    void aNulByteOrInvalidUtf8InTheCredentialsIsA401Problem(CapturedOutput output) throws Exception {
        for (byte[] credentials : List.of(
                "cash\u0000ier:cashier-password".getBytes(StandardCharsets.UTF_8),
                "cashier:cashier-pass\u0000word".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xFF, (byte) 0xFE, ':', 'x'},
                new byte[] {'a', (byte) 0xC3, (byte) 0x28, ':', (byte) 0xFF})) {
            assertProblem(get("/api/v1/customers", basic(credentials)), 401);
        }
        assertNoErrorLogged(output);
    }

    @Test
    void aNulByteOrInvalidUtf8InTheLoginFormIsA400Problem(CapturedOutput output) throws Exception {
        HttpClient browser =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the login form's CSRF token").isTrue();
        String rest = "&password=cashier-password&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        List<byte[]> bodies = new java.util.ArrayList<>();
        for (String username : List.of("cash%00ier", "%00", "%FF%FE", "a%C3%28", "cashier%ED%A0%80")) {
            bodies.add(("username=" + username + rest).getBytes(StandardCharsets.US_ASCII));
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream(); // bytes not percent-encoded at all
        raw.writeBytes("username=cash".getBytes(StandardCharsets.US_ASCII));
        raw.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC3, 0x28});
        raw.writeBytes(rest.getBytes(StandardCharsets.US_ASCII));
        bodies.add(raw.toByteArray());
        for (byte[] body : bodies) {
            assertProblem(login(browser, "/login", body), 400);
        }
        assertProblem(
                login(browser, "/login?username=%00", ("username=cashier" + rest).getBytes(StandardCharsets.US_ASCII)),
                400);
        assertNoErrorLogged(output);
    }

    private HttpResponse<String> login(HttpClient browser, String path, byte[] form) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
