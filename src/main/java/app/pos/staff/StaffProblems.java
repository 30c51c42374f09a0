package app.pos.staff;

import app.pos.shared.FieldError;
import app.pos.shared.PosException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The business rules a staff change can break. */
public final class StaffProblems {

    private StaffProblems() {}

    public static final class StaffNotFound extends PosException {
        StaffNotFound(UUID id) {
            super(HttpStatus.NOT_FOUND, "Staff user not found", "No staff user with id " + id + ".");
        }
    }

    /** Usernames are unique whatever their letter case: "Cashier1" is taken when "cashier1" exists. */
    public static final class UsernameTaken extends PosException {
        UsernameTaken(String username, UUID existing) {
            super(HttpStatus.CONFLICT, "Username taken", message(username), properties(username, existing));
        }

        private static String message(String username) {
            return "A staff user named '" + username + "' already exists (letter case does not count).";
        }

        private static Map<String, Object> properties(String username, UUID existing) {
            Map<String, Object> properties = new LinkedHashMap<>();
            if (existing != null) {
                properties.put("existingStaffId", existing);
            }
            properties.put(
                    "errors",
                    List.of(new FieldError(
                            "username", "is already taken by '" + username + "' (letter case does not count)")));
            return properties;
        }
    }

    public static final class LastAdmin extends PosException {
        LastAdmin() {
            super(
                    HttpStatus.CONFLICT,
                    "Last active admin",
                    "This is the last active ADMIN; make another user ADMIN before demoting or deactivating this one.");
        }
    }
}
