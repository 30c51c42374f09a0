package app.pos.staff;

import app.pos.shared.PosException;
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

    public static final class UsernameTaken extends PosException {
        UsernameTaken(String username, UUID existing) {
            super(
                    HttpStatus.CONFLICT,
                    "Username taken",
                    "A staff user named '" + username + "' already exists.",
                    existing == null ? Map.of() : Map.of("existingStaffId", existing));
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
