package app.pos.staff;

import static app.pos.support.Fixtures.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pos.support.H2IntegrationTest;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/** The lost-password recovery run at start-up (POS_ADMIN_RESET): creates or restores an ADMIN and keeps all data. */
@H2IntegrationTest
class AdminRecoveryH2IntegrationTests {

    private static final String NEW_PASSWORD = "recovered-Passphrase-42";

    @Autowired
    StaffRepository repository;

    @Autowired
    StaffService staffService;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    AdminRecovery recovery(boolean enabled, String username, String password) {
        return new AdminRecovery(repository, passwords, transaction, clock, enabled, username, password);
    }

    StaffRepository.StaffRow row(String username) {
        return repository.findByUsername(username).orElseThrow();
    }

    long staffCount() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_users").query(Long.class).single();
    }

    @Test
    void aDeactivatedDemotedUserBecomesAnActiveAdminWithTheNewPasswordAndNothingElseChanges() {
        String username = uniqueUsername("lost");
        StaffView user = staffService.create(new NewStaff(username, "first-Passphrase-17", StaffRole.MANAGER));
        staffService.update(user.id(), new StaffChange(null, false, null));
        long before = staffCount();

        recovery(true, username, NEW_PASSWORD).run(new DefaultApplicationArguments());

        StaffRepository.StaffRow after = row(username);
        assertThat(after.id()).isEqualTo(user.id());
        assertThat(after.role()).isEqualTo(StaffRole.ADMIN);
        assertThat(after.active()).isTrue();
        assertThat(passwords.matches(NEW_PASSWORD, after.passwordHash())).isTrue();
        assertThat(staffCount()).isEqualTo(before);
    }

    @Test
    void aMissingUserIsCreatedAndASecondRunChangesNothing() {
        String username = uniqueUsername("gone");

        assertThat(recovery(true, username, NEW_PASSWORD).recover()).isEqualTo(AdminRecovery.Outcome.CREATED);
        int version = row(username).credentialsVersion();
        assertThat(recovery(true, username, NEW_PASSWORD).recover()).isEqualTo(AdminRecovery.Outcome.UNCHANGED);

        assertThat(row(username).credentialsVersion())
                .as("sessions are not ended again")
                .isEqualTo(version);
        assertThat(row(username).role()).isEqualTo(StaffRole.ADMIN);
    }

    @Test
    void offByDefaultAndRefusesToRunWithoutAUsablePassword() {
        String username = uniqueUsername("off");
        recovery(false, username, NEW_PASSWORD).run(new DefaultApplicationArguments());
        assertThat(repository.findByUsername(username)).isEmpty();

        assertThatThrownBy(() -> recovery(true, username, "").run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("POS_ADMIN_PASSWORD");
        assertThatThrownBy(() -> recovery(true, username, "short").run(new DefaultApplicationArguments()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 10 characters");
        assertThat(repository.findByUsername(username)).isEmpty();
    }
}
