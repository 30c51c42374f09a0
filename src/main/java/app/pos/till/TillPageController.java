package app.pos.till;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The cashier screen. The full page renders once; every action after that is an htmx request answered with the
 * fragment it changes ({@code till/till :: cart}, {@code :: customer-panel}, …), all in {@code till/till.html}, by
 * the controller of its use case: {@link CartController}, {@link CustomerPanelController},
 * {@link CheckoutController}, {@link TodaysOrdersController}.
 */
@Controller
class TillPageController {

    private static final String PAGE = "till/till";

    private final ProductService products;
    private final SaleModel sale;

    TillPageController(ProductService products, SaleModel sale) {
        this.products = products;
        this.sale = sale;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/pos";
    }

    @GetMapping("/pos")
    String page(Model model) {
        model.addAttribute("menu", menuByCategory());
        sale.addTo(model);
        return PAGE;
    }

    private Map<String, List<ProductView>> menuByCategory() {
        return products.activeMenu().stream()
                .collect(Collectors.groupingBy(ProductView::category, TreeMap::new, Collectors.toList()));
    }
}
