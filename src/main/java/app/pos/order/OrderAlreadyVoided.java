package app.pos.order;

import app.pos.shared.PosException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

public final class OrderAlreadyVoided extends PosException {

    private OrderAlreadyVoided(UUID id) {
        super(HttpStatus.CONFLICT, "Order already voided", "Order " + id + " is already voided; nothing was changed.");
    }

    public static OrderAlreadyVoided of(UUID id) {
        return new OrderAlreadyVoided(id);
    }
}
