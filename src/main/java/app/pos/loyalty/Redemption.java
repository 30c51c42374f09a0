package app.pos.loyalty;

import app.pos.customer.ConsentChannel;
import app.pos.customer.Consents;
import app.pos.order.OrderPlaced;
import app.pos.order.OrderRewards;
import app.pos.order.OrderVoided;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rewards redeemed on orders: checkout asks for the discount ({@link OrderRewards}), the points are deducted when the
 * order is placed, in its transaction, before the order earns ({@link Earning}), and a void gives them back when the
 * program says so ({@code returnRedeemedPointsOnVoid}), once (an order has at most one entry of each type).
 */
@Component
class Redemption implements OrderRewards {

    private final ProgramRepository program;
    private final LedgerRepository ledger;
    private final Consents consents;
    private final Clock clock;

    Redemption(ProgramRepository program, LedgerRepository ledger, Consents consents, Clock clock) {
        this.program = program;
        this.ledger = ledger;
        this.consents = consents;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Applied apply(UUID rewardId, UUID customerId, List<OrderPlaced.Line> lines) {
        if (customerId == null) {
            throw RewardRefused.noCustomer();
        }
        LoyaltyProgram settings = program.load();
        if (!settings.enabled()) {
            throw RewardRefused.programOff();
        }
        LoyaltyProgram.Reward reward = settings.rewards().stream()
                .filter(r -> r.id().equals(rewardId))
                .findFirst()
                .orElseThrow(() -> RewardRefused.unknown(rewardId));
        if (!reward.active()) {
            throw RewardRefused.inactive(reward.name());
        }
        if (!consents.hasGranted(customerId, ConsentChannel.LOYALTY)) {
            throw RewardRefused.notMember();
        }
        BigDecimal discount = RewardDiscount.of(reward, lines, Set.copyOf(settings.excludedCategories()));
        return new Applied(reward.id(), reward.name(), reward.points(), discount);
    }

    @EventListener
    @Order(50) // after CustomerStats (customer row, then balance, as a merge locks them), before Earning
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderPlaced placed) {
        if (placed.rewardId() == null) {
            return;
        }
        UUID customerId = placed.customerId();
        long points = placed.pointsRedeemed();
        if (!ledger.redeem(customerId, points, placed.orderId(), placed.staff(), OffsetDateTime.now(clock))) {
            throw RewardRefused.notEnoughPoints(
                    points, ledger.balance(customerId).balance());
        }
    }

    @EventListener
    @Order(110) // after Earning's reversal of the same void
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OrderVoided voided) {
        if (!program.returnsRedeemedPointsOnVoid()) {
            return;
        }
        ledger.redeemedBy(voided.orderId())
                .filter(redeemed -> !ledger.hasEntry(voided.orderId(), EntryType.RETURN))
                .ifPresent(redeemed -> {
                    ledger.lock(redeemed.customerId());
                    ledger.add(
                            redeemed.customerId(),
                            EntryType.RETURN,
                            redeemed.points(),
                            0,
                            BigDecimal.ZERO,
                            null,
                            voided.orderId(),
                            voided.staff(),
                            null,
                            OffsetDateTime.now(clock));
                });
    }
}
