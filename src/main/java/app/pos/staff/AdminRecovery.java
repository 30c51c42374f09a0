package app.pos.staff;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lost admin password: started with POS_ADMIN_RESET=true, the app makes POS_ADMIN_USERNAME an active ADMIN with the
 * password POS_ADMIN_PASSWORD, creating the user when it does not exist. Nothing else changes: no data is deleted.
 * It is idempotent, so leaving the setting on by mistake does not end the admin's sessions on every start; it runs
 * before {@link AdminBootstrap}, which then finds a user and does nothing.
 */
@Component
@Order(9)
class AdminRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminRecovery.class);

    private final StaffRepository staff;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean enabled;
    private final String username;
    private final String password;

    AdminRecovery(
            StaffRepository staff,
            PasswordEncoder passwords,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${pos.admin.reset:false}") boolean enabled,
            @Value("${pos.admin.username:admin}") String username,
            @Value("${pos.admin.password:}") String password) {
        this.staff = staff;
        this.passwords = passwords;
        this.transaction = transaction;
        this.clock = clock;
        this.enabled = enabled;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (password.isBlank()) {
            throw new IllegalStateException(
                    "POS_ADMIN_RESET=true needs the new password in POS_ADMIN_PASSWORD (at least 10 characters)");
        }
        PasswordRules.checkConfigured(username, password);
        Outcome outcome = transaction.execute(status -> recover());
        switch (outcome) {
            case CREATED -> log.warn("POS_ADMIN_RESET: created the ADMIN user '{}'; unset POS_ADMIN_RESET", username);
            case RESET ->
                log.warn(
                        "POS_ADMIN_RESET: '{}' is an active ADMIN again with the password from POS_ADMIN_PASSWORD; "
                                + "its other sessions have ended; unset POS_ADMIN_RESET",
                        username);
            case UNCHANGED ->
                log.warn("POS_ADMIN_RESET: '{}' already had this password and role; unset POS_ADMIN_RESET", username);
        }
    }

    enum Outcome {
        CREATED,
        RESET,
        UNCHANGED
    }

    Outcome recover() {
        var existing = staff.findByUsername(username);
        if (existing.isEmpty()) {
            staff.insert(
                    UUID.randomUUID(),
                    username,
                    passwords.encode(password),
                    StaffRole.ADMIN,
                    OffsetDateTime.now(clock));
            return Outcome.CREATED;
        }
        StaffRepository.StaffRow row = existing.get();
        boolean sameRole = row.role() == StaffRole.ADMIN && row.active();
        boolean samePassword = passwords.matches(password, row.passwordHash());
        if (sameRole && samePassword) {
            return Outcome.UNCHANGED;
        }
        staff.update(row.id(), StaffRole.ADMIN, true);
        if (!samePassword) {
            staff.updatePassword(row.id(), passwords.encode(password));
        }
        return Outcome.RESET;
    }
}
