package app.pos.staff;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.pos.shared.InvalidInput;

@Service
public class StaffService {

    public static final int MIN_PASSWORD_LENGTH = 10;

    private final StaffRepository staff;
    private final PasswordEncoder passwords;
    private final Clock clock;

    StaffService(StaffRepository staff, PasswordEncoder passwords, Clock clock) {
        this.staff = staff;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public UUID create(String username, String password, StaffRole role) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{3,100}")) {
            throw InvalidInput.field("username", "must be 3 to 100 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw InvalidInput.field("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        UUID id = UUID.randomUUID();
        staff.insert(id, username, passwords.encode(password), role, OffsetDateTime.now(clock));
        return id;
    }

    @Transactional(readOnly = true)
    public boolean hasUsers() {
        return staff.count() > 0;
    }
}
