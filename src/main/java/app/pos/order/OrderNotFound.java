package app.pos.order;

import java.util.UUID;

import org.springframework.http.HttpStatus;

import app.pos.shared.PosException;

public final class OrderNotFound extends PosException {

    private OrderNotFound(String detail) {
        super(HttpStatus.NOT_FOUND, "Order not found", detail);
    }

    public static OrderNotFound byId(UUID id) {
        return new OrderNotFound("No order with id " + id + ".");
    }
}
