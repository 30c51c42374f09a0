package app.pos.catalog;

import app.pos.shared.PosException;
import java.util.UUID;
import org.springframework.http.HttpStatus;

public final class ProductNotFound extends PosException {

    private ProductNotFound(String detail) {
        super(HttpStatus.NOT_FOUND, "Product not found", detail);
    }

    public static ProductNotFound byId(UUID id) {
        return new ProductNotFound("No product with id " + id + ".");
    }
}
