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
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Authenticates staff (form login and the API's HTTP Basic) against {@code staff_users}. An API client sends its
 * password with every request, and a bcrypt check costs tens of milliseconds of CPU, so a password once verified
 * is remembered, as an HMAC under a per-process random key (never the password itself), together with the
 * stored hash it matched. Each request still reads the user's row (one indexed lookup), so deactivation, a new
 * password or a new role take effect on the very next request, on every instance.
 */
@Component
class StaffAuthentication implements AuthenticationProvider {

    private static final int MAX_REMEMBERED = 10_000;

    private final StaffRepository staff;
    private final PasswordEncoder passwords;
    private final byte[] key = new byte[32];
    private final Map<String, String> verified = new ConcurrentHashMap<>();
    private final String dummyHash;

    StaffAuthentication(StaffRepository staff, PasswordEncoder passwords) {
        this.staff = staff;
        this.passwords = passwords;
        new SecureRandom().nextBytes(key);
        this.dummyHash = passwords.encode("not-a-real-password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String password = authentication.getCredentials() == null
                ? ""
                : authentication.getCredentials().toString();
        var row = staff.findByUsername(username).orElse(null);
        if (row == null) {
            passwords.matches(password, dummyHash); // same cost as a real check: no hint that the name is unknown
            throw new BadCredentialsException("Bad credentials");
        }
        String remembered = username + ":" + hmac(password);
        if (!row.passwordHash().equals(verified.get(remembered))) {
            if (!passwords.matches(password, row.passwordHash())) {
                throw new BadCredentialsException("Bad credentials");
            }
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(remembered, row.passwordHash());
        }
        if (!row.active()) {
            throw new DisabledException("User is deactivated");
        }
        List<SimpleGrantedAuthority> authorities =
                List.of(new SimpleGrantedAuthority(row.role().authority()));
        User principal = new User(row.username(), "", authorities);
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
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
