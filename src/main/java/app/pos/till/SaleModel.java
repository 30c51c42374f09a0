package app.pos.till;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.ContactMasking;
import app.pos.customer.CustomerNotFound;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.loyalty.LoyaltyRewards;
import app.pos.loyalty.RewardRefused;
import app.pos.order.CustomerOrders;
import app.pos.order.OrderPlaced;
import app.pos.order.OrderPricing;
import app.pos.order.OrderRewards;
import app.pos.order.OrderType;
import app.pos.order.PaymentMethod;
import app.pos.order.PlaceOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What every answer about the sale in progress puts in the model: customer panel, priced cart, checkout. */
@Component
class SaleModel {

    private static final int FAVOURITES = 5;
    private static final int PREVIOUS_ADDRESSES = 5;

    private final ProductService products;
    private final CustomerService customers;
    private final CustomerOrders customerOrders;
    private final OrderPricing pricing;
    private final Till till;
    private final ContactMasking masking;
    private final OrderRewards rewards;
    private final LoyaltyRewards loyaltyRewards;

    SaleModel(
            ProductService products,
            CustomerService customers,
            CustomerOrders customerOrders,
            OrderPricing pricing,
            Till till,
            ContactMasking masking,
            OrderRewards rewards,
            LoyaltyRewards loyaltyRewards) {
        this.products = products;
        this.customers = customers;
        this.customerOrders = customerOrders;
        this.pricing = pricing;
        this.till = till;
        this.masking = masking;
        this.rewards = rewards;
        this.loyaltyRewards = loyaltyRewards;
    }

    /**
     * Everything the right-hand side shows: customer panel (with the rewards the customer can afford), cart,
     * checkout. The panel shows the customer as the cashier may see them (masked); the delivery flow (address
     * pre-filled, previous addresses) has the real ones.
     */
    void addTo(Model model) {
        CustomerView customer = selectedCustomer();
        model.addAttribute("customer", masking.view(customer));
        model.addAttribute("favourites", customer == null ? List.of() : favouritesOnTheMenu(customer.id()));
        model.addAttribute(
                "lastOrder",
                customer == null
                        ? null
                        : customerOrders.lastCompletedOrder(customer.id()).orElse(null));
        model.addAttribute(
                "previousAddresses",
                customer == null ? List.of() : customerOrders.deliveryAddresses(customer.id(), PREVIOUS_ADDRESSES));
        if (customer != null && !model.containsAttribute("notesForm")) {
            model.addAttribute("notesForm", NotesForm.of(customer.notes()));
        }
        model.addAttribute("rewards", customer == null ? List.of() : loyaltyRewards.affordable(customer.id()));
        model.addAttribute("cart", cart());
        if (!model.containsAttribute("checkout")) { // a checkout with errors shows what was sent
            model.addAttribute("checkout", CheckoutForm.defaults(customer == null ? null : customer.address()));
        }
        model.addAttribute("orderTypes", OrderType.values());
        model.addAttribute("paymentMethods", PaymentMethod.values());
    }

    /** The items the customer orders most that are still sold, so that tapping one adds it. */
    private List<CustomerOrders.Favourite> favouritesOnTheMenu(UUID customerId) {
        List<CustomerOrders.Favourite> favourites = customerOrders.favourites(customerId, FAVOURITES * 2);
        Map<UUID, ProductView> catalog = products.findAll(
                favourites.stream().map(CustomerOrders.Favourite::productId).toList());
        return favourites.stream()
                .filter(f -> catalog.containsKey(f.productId())
                        && catalog.get(f.productId()).active())
                .limit(FAVOURITES)
                .toList();
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

    /**
     * Prices the cart, with the chosen reward's discount as checkout will price it (or why it cannot have it); lines
     * whose product was deleted or retired meanwhile are dropped and named.
     */
    CartView cart() {
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
        String rewardName = null;
        String rewardProblem = null;
        if (till.rewardId() != null) {
            List<OrderPlaced.Line> categorized = priced.lines().stream()
                    .map(l -> new OrderPlaced.Line(
                            l.productId(),
                            catalog.get(l.productId()).category(),
                            l.quantity(),
                            l.unitPrice(),
                            l.lineTotal()))
                    .toList();
            try {
                OrderRewards.Applied applied = rewards.apply(till.rewardId(), till.customerId(), categorized);
                priced = pricing.discounted(priced, applied.discount());
                rewardName = applied.name();
            } catch (RewardRefused refused) {
                rewardProblem = refused.messageKey();
            }
        }
        return new CartView(
                priced.lines(),
                priced.subtotal(),
                priced.discount(),
                priced.tax(),
                priced.total(),
                removed,
                rewardName,
                rewardProblem);
    }
}
