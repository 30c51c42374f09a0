package app.pos.staff;

import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start (no staff users at all) creates an ADMIN from POS_ADMIN_USERNAME / POS_ADMIN_PASSWORD, or with a
 * generated password that is printed once, so the owner can log in and create the real accounts.
 */
@Component
@Order(10)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final StaffService staff;
    private final String username;
    private final String password;

    AdminBootstrap(
            StaffService staff,
            @Value("${pos.admin.username:admin}") String username,
            @Value("${pos.admin.password:}") String password) {
        this.staff = staff;
        this.username = username;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (staff.hasUsers()) {
            return;
        }
        try {
            createFirstAdmin();
        } catch (StaffProblems.UsernameTaken race) {
            // Another instance starting at the same moment created the first admin: nothing left to do.
            log.info("The first ADMIN '{}' was created by another instance", username);
        }
    }

    private void createFirstAdmin() {
        if (password.isBlank()) {
            String generated = generate(20);
            staff.create(new NewStaff(username, generated, StaffRole.ADMIN));
            log.warn(
                    "Created the first ADMIN user '{}' with the generated password: {}  "
                            + "(shown only this once; set POS_ADMIN_PASSWORD to choose it)",
                    username,
                    generated);
        } else {
            PasswordRules.checkConfigured(username, password);
            staff.create(new NewStaff(username, password, StaffRole.ADMIN));
            log.info("Created the first ADMIN user '{}' with the password from POS_ADMIN_PASSWORD", username);
        }
    }

    private static String generate(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
