package app.pos.till;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The cart: add, plus, minus, remove; each answers the {@code till/till :: cart} fragment. */
@Controller
class CartController {

    private static final String PAGE = "till/till";

    private final ProductService products;
    private final Till till;
    private final SaleModel sale;

    CartController(ProductService products, Till till, SaleModel sale) {
        this.products = products;
        this.till = till;
        this.sale = sale;
    }

    @GetMapping("/pos/cart")
    String cart(Model model) {
        model.addAttribute("cart", sale.cart());
        return PAGE + " :: cart";
    }

    @PostMapping("/pos/cart/add/{productId}")
    String add(@PathVariable UUID productId, Model model) {
        ProductView product = products.get(productId);
        if (product.active()) {
            till.add(productId);
        }
        return cart(model);
    }

    @PostMapping("/pos/cart/{productId}/plus")
    String plus(@PathVariable UUID productId, Model model) {
        till.change(productId, 1);
        return cart(model);
    }

    @PostMapping("/pos/cart/{productId}/minus")
    String minus(@PathVariable UUID productId, Model model) {
        till.change(productId, -1);
        return cart(model);
    }

    @PostMapping("/pos/cart/{productId}/remove")
    String remove(@PathVariable UUID productId, Model model) {
        till.remove(productId);
        return cart(model);
    }
}
