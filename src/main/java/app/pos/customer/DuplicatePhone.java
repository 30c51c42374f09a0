package app.pos.customer;

import app.pos.shared.PosException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Another customer already has this phone number; the body names them so the client can offer that one. */
public final class DuplicatePhone extends PosException {

    private final UUID existingCustomerId;

    private DuplicatePhone(UUID existingCustomerId) {
        super(
                HttpStatus.CONFLICT,
                "Phone number already in use",
                "Another customer already has this phone number; use that customer instead of creating a new one.",
                Map.of("existingCustomerId", existingCustomerId));
        this.existingCustomerId = existingCustomerId;
    }

    public static DuplicatePhone of(UUID existingCustomerId) {
        return new DuplicatePhone(existingCustomerId);
    }

    public UUID existingCustomerId() {
        return existingCustomerId;
    }
}
