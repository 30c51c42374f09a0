package app.pos.staff;

import static app.pos.support.Fixtures.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pos.support.H2IntegrationTest;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What the authentication does, counted instead of timed: an unknown or deactivated account must cost one full
 * password check, like a wrong password, never the cached shortcut a right password earns; and a locked username
 * costs none at all. The provider is built here around the application's own repository, throttle and encoder,
 * with the encoder's calls counted.
 */
@H2IntegrationTest
class StaffAuthenticationH2IntegrationTests {

    private static final String PASSWORD = "a-counted-staff-password";

    @Autowired
    StaffRepository repository;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    StaffService staff;

    final AtomicInteger checks = new AtomicInteger();
    StaffAuthentication authentication;
    String address;

    @BeforeEach
    void countingEncoder() {
        PasswordEncoder counting = new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                return encoder.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checks.incrementAndGet();
                return encoder.matches(raw, encoded);
            }
        };
        authentication = new StaffAuthentication(repository, counting, throttle);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        address = "10.77." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    Authentication attempt(String username, String password) {
        var token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        token.setDetails(new WebAuthenticationDetails(request));
        return token;
    }

    /** The encoder calls one attempt makes, and the failure's message (null when it succeeds). */
    record Outcome(int checks, String failure) {}

    Outcome outcome(String username, String password) {
        checks.set(0);
        try {
            authentication.authenticate(attempt(username, password));
            return new Outcome(checks.get(), null);
        } catch (BadCredentialsException e) {
            return new Outcome(checks.get(), e.getClass().getName() + ": " + e.getMessage());
        }
    }

    @Test
    void aDeactivatedAccountsRightPasswordTakesTheSamePathAsAWrongOne() {
        String username = uniqueUsername("timed");
        StaffView user = staff.create(new NewStaff(username, PASSWORD, StaffRole.CASHIER));
        assertThat(outcome(username, PASSWORD)).isEqualTo(new Outcome(1, null));
        assertThat(outcome(username, PASSWORD))
                .as("a right password once checked is remembered")
                .isEqualTo(new Outcome(0, null));
        Outcome wrong = outcome(username, "not-the-password");
        assertThat(wrong.checks()).isEqualTo(1);
        assertThat(wrong.failure()).isNotNull();

        staff.update(user.id(), new StaffChange(null, false, null));

        assertThat(outcome(username, PASSWORD))
                .as("deactivated: the right password is checked in full, and fails like a wrong one")
                .isEqualTo(wrong);
        assertThat(outcome(username, "not-the-password")).isEqualTo(wrong);
        assertThat(outcome(uniqueUsername("nobody"), PASSWORD))
                .as("an unknown name costs the same")
                .isEqualTo(wrong);
    }

    @Test
    void aLockedUsernameIsRefusedWithoutHashingAnything() {
        String username = uniqueUsername("locked");
        staff.create(new NewStaff(username, PASSWORD, StaffRole.CASHIER));
        for (int i = 0; i < 5; i++) {
            assertThat(outcome(username, "wrong-guess-" + i).checks()).isEqualTo(1);
        }
        checks.set(0);
        assertThatThrownBy(() -> authentication.authenticate(attempt(username, PASSWORD)))
                .isInstanceOf(LoginThrottled.class);
        assertThatThrownBy(() -> authentication.authenticate(attempt(uniqueUsername("also"), "x")))
                .as("the address is not locked yet: another name is still checked")
                .isInstanceOf(BadCredentialsException.class);
        assertThat(checks.get()).as("only the unlocked name was hashed").isEqualTo(1);
    }
}
