package app.pos.customer;

import app.pos.shared.PosException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The customer was erased: their id answers 410 Gone, and a second erasure is refused the same way. */
public final class CustomerGone extends PosException {

    private CustomerGone(UUID id) {
        super(HttpStatus.GONE, "Customer erased", "The customer " + id + " was erased.");
    }

    public static CustomerGone erased(UUID id) {
        return new CustomerGone(id);
    }
}
