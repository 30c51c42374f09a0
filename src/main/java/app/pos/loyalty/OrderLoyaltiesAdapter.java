package app.pos.loyalty;

import app.pos.order.OrderLoyalties;
import app.pos.order.OrderView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The loyalty section of orders from their EARN and REDEEM entries: the loyalty feature's side of
 * {@link OrderLoyalties}. An order without either (a walk-in, a non-member, the program off) has none.
 */
@Component
class OrderLoyaltiesAdapter implements OrderLoyalties {

    private final LedgerRepository ledger;

    OrderLoyaltiesAdapter(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    @Override
    public Map<UUID, OrderView.Loyalty> of(List<UUID> orderIds) {
        Map<UUID, OrderView.Loyalty> sections = new HashMap<>();
        if (orderIds.isEmpty()) {
            return sections;
        }
        for (LedgerRepository.OrderEntry entry : ledger.placementEntries(orderIds)) {
            OrderView.Loyalty known = sections.getOrDefault(entry.orderId(), new OrderView.Loyalty(0, 0, null, null));
            sections.put(
                    entry.orderId(),
                    entry.type() == EntryType.EARN
                            ? new OrderView.Loyalty(
                                    entry.points(), known.pointsRedeemed(), entry.balanceAfter(), entry.tierAfter())
                            : new OrderView.Loyalty(
                                    known.pointsEarned(), -entry.points(), known.balanceAfter(), known.tier()));
        }
        return sections;
    }
}
