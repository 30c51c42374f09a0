package app.pos.support;

import app.pos.staff.NewStaff;
import app.pos.staff.StaffRole;
import app.pos.staff.StaffService;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The staff users the tests act as ({@link Fixtures#cashier()}, {@link Fixtures#manager()}) exist for real, so the
 * check that logs out deactivated users sees active accounts. Passwords: "&lt;username&gt;-password".
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestStaff {

    /** The first ADMIN's password in the test profile ({@code pos.admin.password} in application-test.yml). */
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @Bean
    ApplicationRunner testStaffUsers(StaffService staff) {
        return args -> {
            for (StaffRole role : new StaffRole[] {StaffRole.CASHIER, StaffRole.MANAGER}) {
                String username = role.name().toLowerCase();
                if (staff.list().stream().noneMatch(s -> s.username().equals(username))) {
                    staff.create(new NewStaff(username, username + "-password", role));
                }
            }
        };
    }
}
