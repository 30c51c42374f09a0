package app.pos.till;

import app.pos.order.PlaceOrder;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.SessionScope;

/**
 * One cashier's sale in progress, kept in their session so it survives a page reload: cart lines, the selected
 * customer, the loyalty reward chosen for them, and the idempotency key the next checkout will use (a double click reuses it; a new sale renews it).
 */
@Component
@SessionScope
public class Till implements Serializable {

    static final int MAX_QUANTITY = 999;

    private final LinkedHashMap<UUID, Integer> lines = new LinkedHashMap<>();
    private UUID customerId;
    private UUID rewardId;
    private String checkoutKey = UUID.randomUUID().toString();

    public synchronized void add(UUID productId) {
        add(productId, 1);
    }

    /** Adds {@code quantity} of a product (a repeated order's line), capped like a tap at {@link #MAX_QUANTITY}. */
    public synchronized void add(UUID productId, int quantity) {
        lines.merge(productId, Math.min(MAX_QUANTITY, quantity), (a, b) -> Math.min(MAX_QUANTITY, a + b));
    }

    public synchronized void change(UUID productId, int delta) {
        lines.computeIfPresent(productId, (id, quantity) -> {
            int next = Math.min(MAX_QUANTITY, quantity + delta);
            return next <= 0 ? null : next;
        });
    }

    public synchronized void remove(UUID productId) {
        lines.remove(productId);
    }

    public synchronized List<PlaceOrder.Line> lines() {
        return lines.entrySet().stream()
                .map(e -> new PlaceOrder.Line(e.getKey(), e.getValue()))
                .toList();
    }

    public synchronized UUID customerId() {
        return customerId;
    }

    /** Selects a customer (null: none); a reward chosen for the previous one is dropped. */
    public synchronized void selectCustomer(UUID id) {
        if (!Objects.equals(id, customerId)) {
            rewardId = null;
        }
        customerId = id;
    }

    /** The loyalty reward the checkout will redeem, or null. */
    public synchronized UUID rewardId() {
        return rewardId;
    }

    /** Chooses the reward to redeem (null: none); the server checks it when pricing the cart and at checkout. */
    public synchronized void chooseReward(UUID id) {
        rewardId = id;
    }

    public synchronized String checkoutKey() {
        return checkoutKey;
    }

    /** Clears the screen for the next customer. */
    public synchronized void newSale() {
        lines.clear();
        customerId = null;
        rewardId = null;
        checkoutKey = UUID.randomUUID().toString();
    }
}
