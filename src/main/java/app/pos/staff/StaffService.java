package app.pos.staff;

import app.pos.shared.InvalidInput;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff users: create, list, change role, (de)activate, reset password; the last active ADMIN is protected. */
@Service
public class StaffService {

    public static final int MIN_PASSWORD_LENGTH = 10;
    public static final int MAX_PASSWORD_BYTES = 72;

    private final StaffRepository staff;
    private final PasswordEncoder passwords;
    private final Clock clock;

    StaffService(StaffRepository staff, PasswordEncoder passwords, Clock clock) {
        this.staff = staff;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public StaffView create(NewStaff command) {
        if (command.username() == null || !command.username().matches("[A-Za-z0-9._@-]{3,100}")) {
            throw InvalidInput.field("username", "must be 3 to 100 letters, digits or . _ @ -");
        }
        PasswordRules.check(command.username(), command.password());
        staff.findByUsername(command.username()).ifPresent(existing -> {
            throw new StaffProblems.UsernameTaken(existing.username(), existing.id());
        });
        UUID id = UUID.randomUUID();
        try {
            staff.insert(
                    id,
                    command.username(),
                    passwords.encode(command.password()),
                    command.role(),
                    OffsetDateTime.now(clock));
        } catch (DuplicateKeyException race) {
            // the transaction is aborted on PostgreSQL: no lookup of the winner here
            throw new StaffProblems.UsernameTaken(command.username(), null);
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public List<StaffView> list() {
        return staff.findAll();
    }

    @Transactional(readOnly = true)
    public StaffView get(UUID id) {
        return staff.findViewById(id).orElseThrow(() -> new StaffProblems.StaffNotFound(id));
    }

    /**
     * Changes role, active flag and/or password. A deactivated, re-roled or re-passworded user's page sessions
     * end on their next request ({@link ActiveStaffFilter}); a deactivated user cannot log in. The last active
     * ADMIN can be neither demoted nor deactivated.
     */
    @Transactional
    public StaffView update(UUID id, StaffChange change) {
        long activeAdmins = staff.lockActiveAdmins();
        StaffView current = staff.lockById(id).orElseThrow(() -> new StaffProblems.StaffNotFound(id));
        StaffRole role = change.role() == null ? current.role() : change.role();
        boolean active = change.active() == null ? current.active() : change.active();
        boolean losesAdmin =
                current.role() == StaffRole.ADMIN && current.active() && (role != StaffRole.ADMIN || !active);
        if (losesAdmin && activeAdmins <= 1) {
            throw new StaffProblems.LastAdmin();
        }
        staff.update(id, role, active);
        if (change.password() != null) {
            PasswordRules.check(current.username(), change.password());
            staff.updatePassword(id, passwords.encode(change.password()));
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public boolean hasUsers() {
        return staff.count() > 0;
    }

    /** An active user's role and password-change count, or empty when the user is unknown or deactivated. */
    @Transactional(readOnly = true)
    public java.util.Optional<ActiveStaff> activeStaff(String username) {
        return staff.findByUsername(username)
                .filter(StaffRepository.StaffRow::active)
                .map(row -> new ActiveStaff(row.role(), row.credentialsVersion()));
    }

    /** What a page session is checked against on every request. */
    public record ActiveStaff(StaffRole role, int credentialsVersion) {}
}
