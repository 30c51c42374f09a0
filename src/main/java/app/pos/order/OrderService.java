package app.pos.order;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.shared.InvalidInput;
import app.pos.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkout and the life of an order. Placing an order prices it from the catalog, resolves the customer
 * ({@link OrderCustomers}), stores the order with the customer's snapshot and publishes {@link OrderPlaced}, all
 * in one transaction: what must commit with the order (the customer's statistics, loyalty points, a redeemed
 * reward's deduction, see {@link OrderRewards}) listens synchronously. An Idempotency-Key makes a retried or
 * doubled request return the first order instead of creating a second; the unique key column decides races between
 * concurrent replays.
 */
@Service
public class OrderService {

    private static final int MAX_ATTEMPTS = 3;

    private final OrderRepository orders;
    private final RefundRepository refunds;
    private final ProductService products;
    private final OrderCustomers customers;
    private final OrderPricing pricing;
    private final OrderRewards rewards;
    private final OrderLoyalties loyalties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    OrderService(
            OrderRepository orders,
            RefundRepository refunds,
            ProductService products,
            OrderCustomers customers,
            OrderPricing pricing,
            OrderRewards rewards,
            OrderLoyalties loyalties,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            JsonMapper json,
            Clock clock) {
        this.orders = orders;
        this.refunds = refunds;
        this.products = products;
        this.customers = customers;
        this.pricing = pricing;
        this.rewards = rewards;
        this.loyalties = loyalties;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
    }

    /**
     * Places an order, or returns the order the same staff user already placed under the same idempotency key
     * (keys are per staff user: another user's identical key places an order of their own).
     *
     * @param idempotencyKey optional; the same key with the same request returns the same order, with a
     *                       different request it is refused ({@link IdempotencyKeyReused})
     */
    public PlacedOrder place(PlaceOrder command, String idempotencyKey, String staff) {
        if (command.customerId() != null && command.customer() != null) {
            throw InvalidInput.field("customer", "give either customerId or customer, not both");
        }
        String hash = idempotencyKey == null ? null : fingerprint(command);
        if (idempotencyKey != null) {
            Optional<PlacedOrder> replay = replay(staff, idempotencyKey, hash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        for (int attempt = 1; ; attempt++) {
            try {
                OrderView placed = transaction.execute(status -> insert(command, idempotencyKey, hash, staff));
                return new PlacedOrder(placed, false);
            } catch (DuplicateKeyException conflict) {
                // Either a concurrent request with the same key committed first, or a concurrent sale created
                // the same inline customer first. Both resolve on a fresh look.
                if (idempotencyKey != null) {
                    Optional<PlacedOrder> replay = replay(staff, idempotencyKey, hash);
                    if (replay.isPresent()) {
                        return replay.get();
                    }
                }
                if (attempt >= MAX_ATTEMPTS) {
                    throw conflict;
                }
            }
        }
    }

    @Transactional(readOnly = true)
    public OrderView get(UUID id) {
        return orders.findById(id).orElseThrow(() -> OrderNotFound.byId(id));
    }

    /**
     * Voids a completed order and publishes {@link OrderVoided} in the same transaction, so what the order added
     * (the customer's statistics) is taken back with it or not at all. An order with refunds is not voided
     * ({@link OrderHasRefunds}, 409): its remaining units are refunded instead.
     */
    @Transactional
    public OrderView voidOrder(UUID id, String staff) {
        OrderView order = orders.lockById(id).orElseThrow(() -> OrderNotFound.byId(id));
        OrderStatus voided = order.status().voided(id);
        if (refunds.exists(id)) {
            throw OrderHasRefunds.of(id);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        orders.markVoided(id, voided, now, staff);
        events.publishEvent(new OrderVoided(id, order.customerId(), order.total(), now, staff));
        return get(id);
    }

    /** Orders placed in [from, to), newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<OrderView> placedBetween(OffsetDateTime from, OffsetDateTime to, int limit) {
        return orders.placedBetween(from, to, limit);
    }

    private OrderView insert(PlaceOrder command, String idempotencyKey, String hash, String staff) {
        Map<UUID, ProductView> catalog = products.findAll(
                command.items().stream().map(PlaceOrder.Line::productId).toList());
        OrderPricing.Priced priced = pricing.price(command.items(), catalog);
        OrderCustomers.Snapshot customer = resolveCustomer(command);
        OrderRewards.Applied reward = null;
        if (command.rewardId() != null) {
            reward = rewards.apply(
                    command.rewardId(),
                    customer == null ? null : customer.id(),
                    OrderPlaced.lines(priced.lines(), catalog));
            priced = pricing.discounted(priced, reward.discount());
        }
        checkCashTendered(command, priced.total());
        String deliveryAddress = blankToNull(command.deliveryAddress());
        if (command.orderType() == OrderType.DELIVERY) {
            if (deliveryAddress == null && customer != null) {
                deliveryAddress = customer.address();
            }
            if (deliveryAddress == null) {
                throw InvalidInput.field(
                        "deliveryAddress",
                        customer == null
                                ? "is required for a delivery order"
                                : "is required for a delivery order (the customer has no address on file)");
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OrderView order = new OrderView(
                UUID.randomUUID(),
                orders.nextNumber(),
                customer == null ? null : customer.id(),
                customer == null ? null : customer.name(),
                customer == null ? null : customer.phone(),
                deliveryAddress != null ? deliveryAddress : customer == null ? null : customer.address(),
                command.orderType(),
                command.paymentMethod(),
                OrderStatus.COMPLETED,
                deliveryAddress,
                blankToNull(command.note()),
                priced.lines(),
                priced.subtotal(),
                priced.discount(),
                priced.tax(),
                priced.total(),
                pricing.taxRate(),
                command.cashTendered() == null ? null : Money.of(command.cashTendered()),
                now,
                null,
                List.of());
        orders.insert(order, idempotencyKey, hash, staff);
        events.publishEvent(OrderPlaced.of(order, catalog, staff, reward));
        return customer == null
                ? order
                : order.withLoyalty(loyalties.of(List.of(order.id())).get(order.id()));
    }

    /** Cash tendered is for cash payments, and covers the total (the change is never negative). */
    private static void checkCashTendered(PlaceOrder command, BigDecimal total) {
        BigDecimal tendered = command.cashTendered();
        if (tendered == null) {
            return;
        }
        if (command.paymentMethod() != PaymentMethod.CASH) {
            throw InvalidInput.field("cashTendered", "is only for cash payments");
        }
        if (tendered.compareTo(total) < 0) {
            throw InvalidInput.field("cashTendered", "must be at least the total (" + total.toPlainString() + ")");
        }
    }

    private OrderCustomers.Snapshot resolveCustomer(PlaceOrder command) {
        if (command.customerId() != null) {
            return customers
                    .find(command.customerId())
                    .orElseThrow(() -> InvalidInput.field("customerId", "no customer with this id"));
        }
        if (command.customer() != null) {
            return customers.findOrCreate(command.customer(), "customer.");
        }
        return null;
    }

    private Optional<PlacedOrder> replay(String staff, String key, String hash) {
        return orders.findByIdempotencyKey(staff, key).map(existing -> {
            if (!hash.equals(existing.requestHash())) {
                throw IdempotencyKeyReused.forOrder(existing.id());
            }
            return new PlacedOrder(get(existing.id()), true);
        });
    }

    private String fingerprint(PlaceOrder command) {
        return RequestFingerprint.of(json, command);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
