package app.pos.order;

import app.pos.shared.PosException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

public final class OrderNotFound extends PosException {

    private OrderNotFound(String detail) {
        super(HttpStatus.NOT_FOUND, "Order not found", detail);
    }

    public static OrderNotFound byId(UUID id) {
        return new OrderNotFound("No order with id " + id + ".");
    }

    public static OrderNotFound refund(UUID orderId, UUID refundId) {
        return new OrderNotFound("Order " + orderId + " has no refund with id " + refundId + ".");
    }
}
