package app.pos.support;

import app.pos.catalog.NewProduct;
import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import java.math.BigDecimal;

/** Products for tests, created through the catalog service: {@code Products.create(products, "Latte", "Coffee", "4.20")}. */
public final class Products {

    private Products() {}

    /** An active product without SKU. */
    public static ProductView create(ProductService products, String name, String category, String price) {
        return products.create(new NewProduct(name, category, new BigDecimal(price), null));
    }
}
