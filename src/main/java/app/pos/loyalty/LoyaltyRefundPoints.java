package app.pos.loyalty;

import app.pos.order.RefundPoints;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The loyalty side of the order feature's {@link RefundPoints}: what each refund's REVERSAL took back. */
@Component
class LoyaltyRefundPoints implements RefundPoints {

    private final EarningRepository earnings;

    LoyaltyRefundPoints(EarningRepository earnings) {
        this.earnings = earnings;
    }

    @Override
    public Map<UUID, Integer> reversedBy(Collection<UUID> refundIds) {
        return earnings.reversedBy(refundIds);
    }
}
