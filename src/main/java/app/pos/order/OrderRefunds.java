package app.pos.order;

import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refunds of some of an order's units. A refund locks the order's row, so it serializes with the order's other
 * refunds and its void: two refunds of the last unit cannot both pass the check of what remains. It stores the
 * refund and publishes {@link OrderRefunded} in one transaction (the customer's statistics follow synchronously).
 * An Idempotency-Key works as it does for orders: per staff user, a replay returns the first refund, the same key
 * with another request is refused.
 */
@Service
public class OrderRefunds {

    private final RefundMaker maker;
    private final RefundRepository refunds;
    private final OrderRepository orders;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    OrderRefunds(
            RefundMaker maker,
            RefundRepository refunds,
            OrderRepository orders,
            PlatformTransactionManager transactionManager,
            JsonMapper json) {
        this.maker = maker;
        this.refunds = refunds;
        this.orders = orders;
        this.transaction = new TransactionTemplate(transactionManager);
        this.json = json;
    }

    /**
     * Refunds the command's units of the order, or returns the refund the same staff user already made under the
     * same idempotency key.
     */
    public PlacedRefund refund(UUID orderId, RefundOrder command, String idempotencyKey, String staff) {
        String hash = idempotencyKey == null ? null : fingerprint(orderId, command);
        if (idempotencyKey != null) {
            Optional<PlacedRefund> replay = replay(staff, idempotencyKey, hash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        try {
            RefundView refund =
                    transaction.execute(status -> maker.make(orderId, command, idempotencyKey, hash, staff));
            return new PlacedRefund(refund, false);
        } catch (DuplicateKeyException | RefundRefused conflict) {
            // A concurrent request with the same key committed first: either the key's unique index says so, or
            // it refunded the units this one asks for while this one waited for the order's lock (a client's retry
            // of an attempt it gave up on). Either way its refund is the answer.
            if (idempotencyKey != null) {
                Optional<PlacedRefund> replay = replay(staff, idempotencyKey, hash);
                if (replay.isPresent()) {
                    return replay.get();
                }
            }
            throw conflict;
        }
    }

    private Optional<PlacedRefund> replay(String staff, String key, String hash) {
        return refunds.findByIdempotencyKey(staff, key).map(existing -> {
            if (!hash.equals(existing.requestHash())) {
                throw RefundRefused.keyReused(existing.id());
            }
            return new PlacedRefund(find(existing.id()), true);
        });
    }

    /** One refund of the order; 404 ({@link OrderNotFound}) for an unknown order or a refund of another order. */
    @Transactional(readOnly = true)
    public RefundView get(UUID orderId, UUID refundId) {
        return orders.findById(orderId).orElseThrow(() -> OrderNotFound.byId(orderId)).refunds().stream()
                .filter(r -> r.id().equals(refundId))
                .findFirst()
                .orElseThrow(() -> OrderNotFound.refund(orderId, refundId));
    }

    private RefundView find(UUID refundId) {
        return get(refunds.orderOf(refundId), refundId);
    }

    private String fingerprint(UUID orderId, RefundOrder command) {
        return RequestFingerprint.of(json, new Object[] {orderId, command});
    }
}
