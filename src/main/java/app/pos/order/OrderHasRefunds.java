package app.pos.order;

import app.pos.shared.PosException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** A void takes back the whole order; an order some of whose units were refunded cannot be voided any more. */
public final class OrderHasRefunds extends PosException {

    private OrderHasRefunds(UUID id) {
        super(
                HttpStatus.CONFLICT,
                "Order already partly refunded",
                "Order " + id + " has refunds; refund its remaining units instead of voiding it.");
    }

    static OrderHasRefunds of(UUID id) {
        return new OrderHasRefunds(id);
    }
}
