package app.pos.catalog;

import app.pos.shared.PosException;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

public final class DuplicateSku extends PosException {

    private DuplicateSku(String sku, UUID existing) {
        super(
                HttpStatus.CONFLICT,
                "Duplicate SKU",
                "Another product already has SKU '" + sku + "'.",
                Map.of("existingProductId", existing));
    }

    public static DuplicateSku of(String sku, UUID existing) {
        return new DuplicateSku(sku, existing);
    }
}
