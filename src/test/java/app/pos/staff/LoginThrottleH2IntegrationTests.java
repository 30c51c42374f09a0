package app.pos.staff;

import static app.pos.support.Fixtures.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.support.H2IntegrationTest;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Password guessing by HTTP Basic and by the login form is slowed down per username and per client address, with
 * the counts in the database. The context (and its database) is shared, so each test uses its own usernames and a
 * client address of its own: the rest of the suite logs in from 127.0.0.1.
 */
@H2IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleH2IntegrationTests {

    private static final String PASSWORD = "a-throttled-staff-password";

    @Autowired
    MockMvc mvc;

    @Autowired
    StaffService staff;

    @Autowired
    JdbcClient jdbc;

    String newCashier() {
        String username = uniqueUsername("guessed");
        staff.create(new NewStaff(username, PASSWORD, StaffRole.CASHIER));
        return username;
    }

    static String anAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    int basic(String username, String password, String address) throws Exception {
        return mvc.perform(get("/api/v1/products")
                        .with(httpBasic(username, password))
                        .with(from(address)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    MockHttpServletRequestBuilder formLogin(String username, String password, String address) {
        return post("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(from(address));
    }

    @Test
    void fiveWrongPasswordsByHttpBasicLockTheUsernameAndEvenTheRightOneGets429WithRetryAfter() throws Exception {
        String username = newCashier();
        String address = anAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(basic(username, "wrong-guess-" + i, address))
                    .as("guess %d", i)
                    .isEqualTo(401);
        }

        mvc.perform(get("/api/v1/products").with(httpBasic(username, PASSWORD)).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(retryAfterAtMost(30))
                .andExpect(header().doesNotExist("WWW-Authenticate"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.title").value("Too many failed logins"));
        assertThat(basic(username.toUpperCase(), PASSWORD, anAddress()))
                .as("the lock is on the username in any letter case, from any address")
                .isEqualTo(429);
    }

    @Test
    void eachFurtherFailureDoublesTheLockAndALockThatRanOutLetsTheRightPasswordInAndForgetsTheFailures()
            throws Exception {
        String username = newCashier();
        String address = anAddress();
        for (int i = 0; i < 5; i++) {
            basic(username, "wrong-guess-" + i, address);
        }
        expire(username);
        assertThat(basic(username, "sixth-wrong-guess", address)).isEqualTo(401);
        mvc.perform(get("/api/v1/products").with(httpBasic(username, PASSWORD)).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(retryAfterAtMost(60))
                .andExpect(result -> assertThat(
                                Integer.parseInt(result.getResponse().getHeader("Retry-After")))
                        .as("the sixth failure locks for twice as long as the fifth")
                        .isGreaterThan(30));

        expire(username);
        assertThat(basic(username, PASSWORD, address)).isEqualTo(200);
        assertThat(failuresOf(username))
                .as("a success forgets the username's failures")
                .isZero();
        assertThat(basic(username, "one-more-wrong-guess", address)).isEqualTo(401);
        assertThat(basic(username, PASSWORD, address))
                .as("after a success the count starts again from nothing")
                .isEqualTo(200);
    }

    @Test
    void theLoginFormSaysHowLongToWaitAndLogsEveryFailureWithoutThePassword(CapturedOutput output) throws Exception {
        String username = newCashier();
        String address = anAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin(username, "form-wrong-guess-" + i, address)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin(username, PASSWORD, address)).andExpect(redirectedUrl("/login?throttled=1"));

        String page = mvc.perform(get("/login").param("throttled", "1"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("Too many failed logins for this username or from this device. Try again in 1 minute.");
        assertThat(output.getOut() + output.getErr())
                .contains("Failed login for username=" + username + " from address=" + address)
                .contains("Refused login for username=" + username + " from address=" + address)
                .doesNotContain("form-wrong-guess-")
                .doesNotContain(PASSWORD);
    }

    @Test
    void oneAddressTryingManyUsernamesIsStoppedAfterAHundredFailuresWhileOthersStillLogIn() throws Exception {
        String username = newCashier();
        String sprayer = anAddress();
        for (int i = 0; i < 10; i++) {
            assertThat(basic(uniqueUsername("sprayed"), "spray-guess", sprayer)).isEqualTo(401);
        }
        assertThat(basic(username, PASSWORD, sprayer))
                .as("10 failures: not locked yet")
                .isEqualTo(200);
        assertThat(addressFailures(sprayer))
                .as("a success does not reset an address")
                .isEqualTo(10);
        // rather than 89 more bcrypt checks: as if they had happened
        jdbc.sql("UPDATE login_failures SET failures = 99 WHERE kind = 'ADDRESS' AND subject = :a")
                .param("a", sprayer)
                .update();
        assertThat(basic(uniqueUsername("sprayed"), "spray-guess", sprayer)).isEqualTo(401);

        assertThat(basic(username, PASSWORD, sprayer))
                .as("the hundredth failure locks that address, even for a right password")
                .isEqualTo(429);
        assertThat(basic(username, PASSWORD, anAddress()))
                .as("the same user from elsewhere")
                .isEqualTo(200);
    }

    int addressFailures(String address) {
        return jdbc.sql("SELECT failures FROM login_failures WHERE kind = 'ADDRESS' AND subject = :a")
                .param("a", address)
                .query(Integer.class)
                .single();
    }

    @Test
    void aLineBreakInATypedUsernameCannotForgeALogLine(CapturedOutput output) throws Exception {
        mvc.perform(formLogin("intruder\nFailed login for username=admin", "whatever-guess", anAddress()))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(output.getOut() + output.getErr()).contains("username=intruder?Failed login for username=admin");
    }

    /** Seconds to wait, counted from the last failure a moment ago: the lock's length, or a second less. */
    static ResultMatcher retryAfterAtMost(int seconds) {
        return result -> assertThat(Integer.parseInt(result.getResponse().getHeader("Retry-After")))
                .isBetween(seconds - 2, seconds);
    }

    /** As if the username's last failure were long enough ago for its lock to have run out. */
    void expire(String username) {
        jdbc.sql("UPDATE login_failures SET last_failure_at = last_failure_at - INTERVAL '20' MINUTE "
                        + "WHERE kind = 'USERNAME' AND subject = :subject")
                .param("subject", username.toLowerCase())
                .update();
    }

    int failuresOf(String username) {
        return jdbc.sql(
                        "SELECT COALESCE(SUM(failures), 0) FROM login_failures WHERE kind = 'USERNAME' AND subject = :s")
                .param("s", username.toLowerCase())
                .query(Integer.class)
                .single();
    }
}
