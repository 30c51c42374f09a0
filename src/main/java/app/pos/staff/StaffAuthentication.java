package app.pos.staff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Authenticates staff (form login and the API's HTTP Basic) against {@code staff_users}. An API client sends its
 * password with every request, and a bcrypt check costs tens of milliseconds of CPU, so a password once verified
 * is remembered, as an HMAC under a per-process random key (never the password itself), together with the
 * stored hash it matched. Each request still reads the user's row (one indexed lookup), so deactivation, a new
 * password or a new role take effect on the very next request, on every instance.
 *
 * <p>The {@link LoginThrottle} is asked first, before any hashing. An unknown or deactivated account always pays a
 * full bcrypt check and never consults the cache, and fails exactly like a wrong password: neither the answer nor
 * its time tells whether the name exists, is deactivated, or was given its right password.
 */
@Component
class StaffAuthentication implements AuthenticationProvider {

    private static final int MAX_REMEMBERED = 10_000;

    private final StaffRepository staff;
    private final PasswordEncoder passwords;
    private final LoginThrottle throttle;
    private final byte[] key = new byte[32];
    private final Map<String, String> verified = new ConcurrentHashMap<>();
    private final String dummyHash;

    StaffAuthentication(StaffRepository staff, PasswordEncoder passwords, LoginThrottle throttle) {
        this.staff = staff;
        this.passwords = passwords;
        this.throttle = throttle;
        new SecureRandom().nextBytes(key);
        this.dummyHash = passwords.encode("not-a-real-password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        LoginThrottle.Attempt attempt = throttle.check(username, addressOf(authentication));
        var row = staff.findByUsername(username).orElse(null);
        if (row == null || !row.active()) {
            // the same bcrypt cost as a wrong password, and no cache: no hint that the name is unknown or inactive
            passwords.matches(password, row == null ? dummyHash : row.passwordHash());
            throw failed(attempt, username);
        }
        String remembered = row.id() + ":" + hmac(password);
        if (!row.passwordHash().equals(verified.get(remembered))) {
            if (!passwords.matches(password, row.passwordHash())) {
                throw failed(attempt, username);
            }
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(remembered, row.passwordHash());
        }
        throttle.succeeded(attempt);
        List<SimpleGrantedAuthority> authorities =
                List.of(new SimpleGrantedAuthority(row.role().authority()));
        User principal = new User(row.username(), "", authorities);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
    }

    private BadCredentialsException failed(LoginThrottle.Attempt attempt, String username) {
        throttle.failed(attempt, username);
        return new BadCredentialsException("Bad credentials");
    }

    /** The client's address as the server sees it (the proxy's, unless forwarded headers are trusted). */
    private static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                        && details.getRemoteAddress() != null
                ? details.getRemoteAddress()
                : "unknown";
    }

    @Override
    public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }

    private String hmac(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
