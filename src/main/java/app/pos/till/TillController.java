package app.pos.till;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
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
import app.pos.shared.CustomerDetails;
import app.pos.shared.FieldError;
import app.pos.shared.FormErrors;
import app.pos.shared.InvalidInput;
import app.pos.shared.ShopTime;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
        model.addAttribute("form", new NewCustomerForm(looksLikePhone ? "" : q, looksLikePhone ? q : "", "", ""));
        model.addAttribute("errors", Map.of());
        return PAGE + " :: customer-form";
    }

    @PostMapping("/pos/customers")
    String createCustomer(@ModelAttribute NewCustomerForm form, Model model) {
        CustomerDetails details = new CustomerDetails(form.name(), form.phone(), form.email(), form.address());
        Map<String, String> errors = FormErrors.of(validator, details);
        if (errors.isEmpty()) {
            try {
                CustomerView created = customers.create(details);
                till.selectCustomer(created.id());
                sale(model);
                return PAGE + " :: customer-changed";
            } catch (DuplicatePhone duplicate) {
                model.addAttribute("existing", CustomerCard.from(customers.get(duplicate.existingCustomerId())));
                errors.put("phone", "already belongs to a customer");
            } catch (InvalidInput invalid) {
                invalid.errors().forEach(e -> errors.putIfAbsent(e.field(), e.message()));
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return PAGE + " :: customer-form";
    }

    // --- checkout and receipt -------------------------------------------------------------------------------

    @PostMapping("/pos/checkout")
    String checkout(@ModelAttribute CheckoutForm form, Principal principal, Model model, HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<PlaceOrder.Line> lines = till.lines();
        if (lines.isEmpty()) {
            errors.put("items", "Add at least one item to the cart.");
        }
        if (form.orderType() == null) {
            errors.put("orderType", "Choose dine-in, takeaway or delivery.");
        }
        if (form.paymentMethod() == null) {
            errors.put("paymentMethod", "Choose how the customer pays.");
        }
        if (errors.isEmpty()) {
            PlaceOrder command = new PlaceOrder(
                    lines,
                    till.customerId(),
                    null,
                    form.orderType(),
                    form.paymentMethod(),
                    form.orderType() == OrderType.DELIVERY ? form.deliveryAddress() : null,
                    form.note());
            FormErrors.of(validator, command).forEach(errors::putIfAbsent);
            if (errors.isEmpty()) {
                try {
                    OrderView order = orders.place(command, till.checkoutKey(), principal.getName())
                            .order();
                    model.addAttribute("order", order);
                    return PAGE + " :: receipt";
                } catch (InvalidInput invalid) {
                    for (FieldError e : invalid.errors()) {
                        errors.putIfAbsent(e.field().startsWith("items") ? "items" : e.field(), e.message());
                    }
                }
            }
        }
        // Errors go back into the checkout form only, not over the whole sale.
        response.setHeader("HX-Retarget", "#checkout");
        response.setHeader("HX-Reswap", "outerHTML");
        sale(model);
        model.addAttribute("checkout", form);
        model.addAttribute("checkoutErrors", errors);
        return PAGE + " :: checkout";
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
        model.addAttribute("checkout", CheckoutForm.defaults(customer == null ? null : customer.address()));
        model.addAttribute("checkoutErrors", Map.of());
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
