package app.pos.customer;

import app.pos.shared.PosException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

public final class CustomerNotFound extends PosException {

    private CustomerNotFound(String detail) {
        super(HttpStatus.NOT_FOUND, "Customer not found", detail);
    }

    public static CustomerNotFound byId(UUID id) {
        return new CustomerNotFound("No customer with id " + id + ".");
    }

    public static CustomerNotFound byPhone() {
        return new CustomerNotFound("No customer has that phone number.");
    }
}
