package app.pos.till;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerNotes;
import app.pos.order.CustomerOrders;
import app.pos.order.OrderView;
import app.pos.shared.InvalidInput;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * What the till knows about a regular: "same as last time" (the selected customer's newest completed order, again,
 * at today's prices) and the customer's note, edited where the cashier sees it.
 */
@Controller
class RegularsController {

    private static final String PAGE = "till/till";

    private final CustomerOrders customerOrders;
    private final CustomerNotes notes;
    private final ProductService products;
    private final Till till;
    private final SaleModel sale;

    RegularsController(
            CustomerOrders customerOrders, CustomerNotes notes, ProductService products, Till till, SaleModel sale) {
        this.customerOrders = customerOrders;
        this.notes = notes;
        this.products = products;
        this.till = till;
        this.sale = sale;
    }

    /** Adds the last order's lines; products no longer on the menu are skipped and named above the cart. */
    @PostMapping("/pos/cart/repeat-last")
    String repeatLast(Model model) {
        List<String> skipped = new ArrayList<>();
        if (till.customerId() != null) {
            customerOrders.lastCompletedOrder(till.customerId()).ifPresent(last -> {
                Map<UUID, ProductView> catalog = products.findAll(
                        last.items().stream().map(OrderView.Line::productId).toList());
                for (OrderView.Line line : last.items()) {
                    ProductView product = catalog.get(line.productId());
                    if (product != null && product.active()) {
                        till.add(line.productId(), line.quantity());
                    } else {
                        skipped.add(line.name());
                    }
                }
            });
        }
        model.addAttribute("skipped", skipped);
        model.addAttribute("cart", sale.cart());
        return PAGE + " :: cart";
    }

    @PostMapping("/pos/customer/notes")
    String saveNotes(@Valid @ModelAttribute("notesForm") NotesForm form, BindingResult result, Model model) {
        if (till.customerId() != null && !result.hasErrors()) {
            try {
                notes.update(till.customerId(), form.notes());
                model.addAttribute("notesSaved", true);
            } catch (InvalidInput invalid) {
                invalid.errors().forEach(e -> result.rejectValue("notes", "invalid", e.message()));
            }
        }
        sale.addTo(model);
        return PAGE + " :: customer-panel";
    }
}
