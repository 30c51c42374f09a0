package app.pos.order;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * What refunds show of loyalty: the points each refund took back, which the loyalty feature decides (it listens to
 * {@link OrderRefunded} in the refund's transaction) and implements this port for. The order feature stays below
 * loyalty this way, as it stays below customers through {@link OrderCustomers}.
 */
public interface RefundPoints {

    /** Points each of these refunds took back (a positive number), by refund id; a refund that took none is absent. */
    Map<UUID, Integer> reversedBy(Collection<UUID> refundIds);
}
