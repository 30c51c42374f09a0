package app.pos.till;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerDetails;
import app.pos.customer.CustomerNotFound;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.customer.DuplicatePhone;
import app.pos.order.CustomerOrders;
import app.pos.order.OrderPricing;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.OrderView;
import app.pos.order.PaymentMethod;
import app.pos.order.PlaceOrder;
import app.pos.shared.InvalidInput;
import app.pos.shared.ShopTime;
import app.pos.web.Htmx;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The cashier screen. The full page renders once; every action after that is an htmx request answered with the
 * fragment it changes ({@code till/till :: cart}, {@code :: customer-panel}, …), all in {@code till/till.html}.
 */
@Controller
class TillController {

    private static final String PAGE = "till/till";
    private static final int RESULTS = 8;

    private final ProductService products;
    private final CustomerService customers;
    private final OrderService orders;
    private final CustomerOrders customerOrders;
    private final OrderPricing pricing;
    private final Till till;
    private final Validator validator;
    private final ShopTime time;

    TillController(
            ProductService products,
            CustomerService customers,
            OrderService orders,
            CustomerOrders customerOrders,
            OrderPricing pricing,
            Till till,
            Validator validator,
            ShopTime time) {
        this.products = products;
        this.customers = customers;
        this.orders = orders;
        this.customerOrders = customerOrders;
        this.pricing = pricing;
        this.till = till;
        this.validator = validator;
        this.time = time;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/pos";
    }

    @GetMapping("/pos")
    String page(Model model) {
        model.addAttribute("menu", menuByCategory());
        sale(model);
        return PAGE;
    }

    // --- cart -----------------------------------------------------------------------------------------------

    @GetMapping("/pos/cart")
    String cart(Model model) {
        model.addAttribute("cart", cartView());
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

    // --- customer panel -------------------------------------------------------------------------------------

    @GetMapping("/pos/customers")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        String query = q.length() > 100 ? q.substring(0, 100) : q;
        List<CustomerCard> results = customers.search(query, RESULTS).stream()
                .map(CustomerCard::from)
                .toList();
        model.addAttribute("results", results);
        model.addAttribute("recent", query.isBlank());
        model.addAttribute("q", query);
        return PAGE + " :: customer-results";
    }

    @PostMapping("/pos/customer/{id}")
    String select(@PathVariable UUID id, Model model) {
        customers.get(id);
        till.selectCustomer(id);
        sale(model);
        return PAGE + " :: customer-changed";
    }

    @PostMapping("/pos/customer/clear")
    String clearCustomer(Model model) {
        till.selectCustomer(null);
        sale(model);
        return PAGE + " :: customer-changed";
    }

    @GetMapping("/pos/customers/new")
    String newCustomer(@RequestParam(defaultValue = "") String q, Model model) {
        boolean looksLikePhone = q.matches("[0-9+()\\-.\\s]+");
        model.addAttribute("form", new CustomerDetails(looksLikePhone ? "" : q, looksLikePhone ? q : "", "", ""));
        return PAGE + " :: customer-form";
    }

    @PostMapping("/pos/customers")
    String createCustomer(@Valid @ModelAttribute("form") CustomerDetails form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                CustomerView created = customers.create(form);
                till.selectCustomer(created.id());
                sale(model);
                return PAGE + " :: customer-changed";
            } catch (DuplicatePhone duplicate) {
                model.addAttribute("existing", CustomerCard.from(customers.get(duplicate.existingCustomerId())));
                result.rejectValue("phone", "duplicate", "already belongs to a customer");
            } catch (InvalidInput invalid) {
                invalid.errors().forEach(e -> result.rejectValue(e.field(), "invalid", e.message()));
            }
        }
        return PAGE + " :: customer-form";
    }

    // --- checkout and receipt -------------------------------------------------------------------------------

    @PostMapping("/pos/checkout")
    String checkout(
            @Valid @ModelAttribute("checkout") CheckoutForm form,
            BindingResult result,
            Principal principal,
            Model model,
            Htmx htmx)
            throws BindException {
        if (result.getFieldErrors().stream().anyMatch(FieldError::isBindingFailure)) {
            throw new BindException(result); // a forged value, not a cashier's mistake: 400
        }
        List<PlaceOrder.Line> lines = till.lines();
        if (lines.isEmpty()) {
            result.reject("items", "Add at least one item to the cart.");
        }
        if (!result.hasErrors()) {
            PlaceOrder command = new PlaceOrder(
                    lines,
                    till.customerId(),
                    null,
                    form.orderType(),
                    form.paymentMethod(),
                    form.orderType() == OrderType.DELIVERY ? form.deliveryAddress() : null,
                    form.note());
            validator
                    .validate(command)
                    .forEach(v -> reject(result, v.getPropertyPath().toString(), v.getMessage()));
            if (!result.hasErrors()) {
                try {
                    OrderView order = orders.place(command, till.checkoutKey(), principal.getName())
                            .order();
                    model.addAttribute("order", order);
                    return PAGE + " :: receipt";
                } catch (InvalidInput invalid) {
                    invalid.errors().forEach(e -> reject(result, e.field(), e.message()));
                }
            }
        }
        // Errors go back into the checkout form only, not over the whole sale.
        htmx.retarget("#checkout", "outerHTML");
        sale(model);
        return PAGE + " :: checkout";
    }

    /** The cart's lines are not a field of the form: their errors are the form's own (shown above it). */
    private static void reject(BindingResult result, String field, String message) {
        if (field.startsWith("items")) {
            result.reject("items", message);
        } else {
            result.rejectValue(field, "invalid", message);
        }
    }

    @PostMapping("/pos/new-sale")
    String newSale(Model model) {
        till.newSale();
        sale(model);
        return PAGE + " :: sale";
    }

    // --- today's orders -------------------------------------------------------------------------------------

    @GetMapping("/pos/orders")
    String today(Model model) {
        LocalDate today = time.today();
        model.addAttribute("orders", orders.placedBetween(time.startOf(today), time.startOf(today.plusDays(1)), 500));
        model.addAttribute("day", today);
        model.addAttribute("zone", time.zone());
        return "till/orders";
    }

    @PostMapping("/pos/orders/{id}/void")
    String voidOrder(@PathVariable UUID id, Principal principal, Model model) {
        model.addAttribute("o", orders.voidOrder(id, principal.getName()));
        model.addAttribute("zone", time.zone());
        return "till/orders :: row";
    }

    // --- model helpers --------------------------------------------------------------------------------------

    /** Everything the right-hand side shows: customer panel, cart, checkout. */
    private void sale(Model model) {
        CustomerView customer = selectedCustomer();
        model.addAttribute("customer", customer);
        model.addAttribute("favourites", customer == null ? List.of() : customerOrders.favourites(customer.id(), 5));
        model.addAttribute("cart", cartView());
        if (!model.containsAttribute("checkout")) { // a checkout with errors shows what was sent
            model.addAttribute("checkout", CheckoutForm.defaults(customer == null ? null : customer.address()));
        }
        model.addAttribute("orderTypes", OrderType.values());
        model.addAttribute("paymentMethods", PaymentMethod.values());
    }

    private CustomerView selectedCustomer() {
        UUID id = till.customerId();
        if (id == null) {
            return null;
        }
        try {
            return customers.get(id);
        } catch (CustomerNotFound gone) {
            till.selectCustomer(null);
            return null;
        }
    }

    /** Prices the cart; lines whose product was deleted or retired meanwhile are dropped and named. */
    private CartView cartView() {
        List<PlaceOrder.Line> lines = till.lines();
        Map<UUID, ProductView> catalog =
                products.findAll(lines.stream().map(PlaceOrder.Line::productId).toList());
        List<String> removed = new ArrayList<>();
        List<PlaceOrder.Line> sellable = new ArrayList<>();
        for (PlaceOrder.Line line : lines) {
            ProductView product = catalog.get(line.productId());
            if (product == null || !product.active()) {
                till.remove(line.productId());
                removed.add(product == null ? "a deleted product" : product.name());
            } else {
                sellable.add(line);
            }
        }
        if (sellable.isEmpty()) {
            return CartView.empty(removed);
        }
        OrderPricing.Priced priced = pricing.price(sellable, catalog);
        return new CartView(
                priced.lines(), priced.subtotal(), priced.discount(), priced.tax(), priced.total(), removed);
    }

    private Map<String, List<ProductView>> menuByCategory() {
        return products.activeMenu().stream()
                .collect(Collectors.groupingBy(ProductView::category, TreeMap::new, Collectors.toList()));
    }
}
