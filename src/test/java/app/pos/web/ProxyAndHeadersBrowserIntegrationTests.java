package app.pos.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.pos.support.Browser;
import app.pos.support.BrowserIntegrationTest;
import app.pos.support.BrowserPage;
import app.pos.support.RawHttp;
import app.pos.support.TestStaff;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The app on a real port, as a TLS-terminating proxy reaches it. The test profile trusts a proxy at 127.0.0.1
 * only ({@code POS_TRUSTED_PROXIES}); 127.0.0.2 is another client on the same host. MockMvc would not do: it does
 * not run Tomcat's RemoteIpValve.
 */
@BrowserIntegrationTest
class ProxyAndHeadersBrowserIntegrationTests {

    private static final String PROXY = "127.0.0.1";
    private static final String STRANGER = "127.0.0.2";
    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">");

    @RegisterExtension
    static final BrowserPage browser = new BrowserPage();

    @LocalServerPort
    int port;

    private RawHttp.Response get(String from, String path, String... headers) throws Exception {
        return RawHttp.send(from, port, "GET " + path + " HTTP/1.1\r\n" + String.join("\r\n", headers), null);
    }

    @Test
    void behindTheTrustedProxyAnHttpsRequestGetsHstsAndASecureSessionCookie() throws Exception {
        String https = "Host: pos.example\r\nX-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.9";
        RawHttp.Response response = get(PROXY, "/login", https);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.first("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(response.all("Set-Cookie"))
                .as("the login form's CSRF cookie (an anonymous visitor has no session)")
                .filteredOn(c -> c.startsWith("XSRF-TOKEN="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
        RawHttp.Response loggedIn = RawHttp.send(
                PROXY,
                port,
                "POST /login HTTP/1.1\r\n" + https + "\r\nCookie: " + cookies(response)
                        + "\r\nContent-Type: application/x-www-form-urlencoded",
                loginForm(response));
        assertThat(loggedIn.first("Location")).startsWith("/pos");
        assertThat(loggedIn.all("Set-Cookie"))
                .filteredOn(c -> c.startsWith("JSESSIONID="))
                .singleElement()
                .satisfies(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));

        RawHttp.Response plain = get(PROXY, "/login", "Host: pos.example");
        assertThat(plain.first("Strict-Transport-Security")).isNull();
        assertThat(plain.all("Set-Cookie"))
                .isNotEmpty()
                .noneMatch(c -> c.toLowerCase().contains("secure"));
    }

    @Test
    void anotherClientClaimingHttpsIsNotBelieved() throws Exception {
        RawHttp.Response response = get(STRANGER, "/login", "Host: pos.example", "X-Forwarded-Proto: https");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.first("Strict-Transport-Security")).isNull();
        assertThat(response.all("Set-Cookie"))
                .isNotEmpty()
                .noneMatch(c -> c.toLowerCase().contains("secure"));
    }

    @Test
    void redirectsNeverNameTheHostTheClientSent() throws Exception {
        RawHttp.Response toLogin = get(STRANGER, "/pos", "Host: evil.example", "Accept: text/html");
        assertThat(toLogin.status()).isEqualTo(302);
        assertThat(toLogin.first("Location")).startsWith("/login").doesNotContain("evil.example");
        // anonymous visitors get no session: the page to return to and the login form's CSRF token are cookies
        String returnTo = cookies(toLogin);
        RawHttp.Response login = get(STRANGER, "/login", "Host: evil.example", "Cookie: " + returnTo);
        String cookie = returnTo + "; " + cookies(login);
        String form = loginForm(login);
        RawHttp.Response loggedIn = RawHttp.send(
                STRANGER,
                port,
                "POST /login HTTP/1.1\r\nHost: evil.example\r\nCookie: " + cookie
                        + "\r\nContent-Type: application/x-www-form-urlencoded",
                form);
        assertThat(loggedIn.status()).isEqualTo(302);
        assertThat(loggedIn.first("Location")).startsWith("/pos").doesNotContain("evil.example");

        RawHttp.Response page = get(STRANGER, "/pos", "Host: evil.example", "Cookie: " + sessionCookie(loggedIn));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.first("Content-Security-Policy"))
                .contains("script-src 'self'", "style-src 'self';", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(page.first("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.first("Permissions-Policy")).contains("camera=()");
    }

    @Test
    void swaggerUiLoadsUnderItsPolicy() {
        Page page = browser.page();
        Browser.logInAsAdmin(page, "http://localhost:" + port, "/pos");
        page.navigate("http://localhost:" + port + "/swagger-ui.html");
        // the first request for the API description generates it, which takes a while on a busy machine
        assertThat(page.locator(".swagger-ui .info .title"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
        assertThat(page.locator(".opblock").first()).isVisible();
        // BrowserPage fails the test if the browser refused anything under the content security policy
    }

    /** The admin's credentials and the CSRF token of the login page {@code page}. */
    private static String loginForm(RawHttp.Response page) {
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("the login page's CSRF token").isTrue();
        return "username=admin&password=" + URLEncoder.encode(TestStaff.ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    }

    private static String cookies(RawHttp.Response response) {
        return String.join(
                "; ",
                response.all("Set-Cookie").stream()
                        .map(c -> c.contains(";") ? c.substring(0, c.indexOf(';')) : c)
                        .toList());
    }

    private static String sessionCookie(RawHttp.Response response) {
        return response.all("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow();
    }
}
