package app.pos.order;

import app.pos.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One refund inside its transaction: lock the order, check every line against what remains, allocate the amounts
 * ({@link RefundAllocation}), store, publish, and read back the points loyalty took back ({@link RefundPoints}).
 * Units of a product sold on several lines are taken from the first line with units left.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class RefundMaker {

    private final OrderRepository orders;
    private final RefundRepository refunds;
    private final ApplicationEventPublisher events;
    private final RefundPoints points;
    private final Clock clock;

    RefundMaker(
            OrderRepository orders,
            RefundRepository refunds,
            ApplicationEventPublisher events,
            RefundPoints points,
            Clock clock) {
        this.orders = orders;
        this.refunds = refunds;
        this.events = events;
        this.points = points;
        this.clock = clock;
    }

    RefundView make(UUID orderId, RefundOrder command, String key, String hash, String staff) {
        OrderView order = orders.lockById(orderId).orElseThrow(() -> OrderNotFound.byId(orderId));
        if (order.status() == OrderStatus.VOIDED) {
            throw RefundRefused.voided(orderId);
        }
        checkLines(command);
        List<RefundRepository.SoldLine> sold = refunds.soldLines(orderId);
        Map<Integer, Integer> refunded = refunds.refundedUnits(orderId);
        List<BigDecimal> shares = RefundAllocation.lineShares(
                order.total(),
                sold.stream().map(RefundRepository.SoldLine::lineTotal).toList());
        List<RefundRepository.StoredLine> stored = new ArrayList<>();
        List<OrderRefunded.Line> taken = new ArrayList<>();
        for (RefundOrder.Line wanted : command.lines()) {
            int remaining = 0;
            boolean found = false;
            for (RefundRepository.SoldLine line : sold) {
                if (wanted.productId().equals(line.productId())) {
                    found = true;
                    remaining += line.quantity() - refunded.getOrDefault(line.lineNo(), 0);
                }
            }
            if (!found) {
                throw RefundRefused.notSold(wanted.productId());
            }
            if (wanted.quantity() > remaining) {
                throw RefundRefused.moreThanRemains(wanted.productId(), wanted.quantity(), remaining);
            }
            int left = wanted.quantity();
            for (int i = 0; i < sold.size() && left > 0; i++) {
                RefundRepository.SoldLine line = sold.get(i);
                int before = refunded.getOrDefault(line.lineNo(), 0);
                int take = Math.min(left, line.quantity() - before);
                if (!wanted.productId().equals(line.productId()) || take <= 0) {
                    continue;
                }
                BigDecimal amount = RefundAllocation.units(shares.get(i), line.quantity(), before, take);
                stored.add(new RefundRepository.StoredLine(
                        line.lineNo(), new RefundView.Line(line.productId(), line.name(), take, amount)));
                taken.add(new OrderRefunded.Line(line.lineNo(), line.productId(), take, before, amount));
                left -= take;
            }
        }
        stored.sort((a, b) -> Integer.compare(a.lineNo(), b.lineNo()));
        taken.sort((a, b) -> Integer.compare(a.lineNo(), b.lineNo()));
        List<RefundView.Line> lines =
                stored.stream().map(RefundRepository.StoredLine::line).toList();
        BigDecimal amount = lines.stream().map(RefundView.Line::amount).reduce(Money.ZERO, BigDecimal::add);
        OffsetDateTime now = OffsetDateTime.now(clock);
        RefundView refund =
                new RefundView(UUID.randomUUID(), orderId, amount, lines, blankToNull(command.reason()), 0, now, staff);
        refunds.insert(refund, stored, key, hash);
        events.publishEvent(new OrderRefunded(orderId, refund.id(), order.customerId(), amount, taken, now, staff));
        // loyalty reversed its points while the event was handled, in this transaction
        return refund.withPointsReversed(points.reversedBy(List.of(refund.id())).getOrDefault(refund.id(), 0));
    }

    private static void checkLines(RefundOrder command) {
        if (command.lines().isEmpty()) {
            throw RefundRefused.noLines();
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < command.lines().size(); i++) {
            RefundOrder.Line line = command.lines().get(i);
            if (line == null || line.productId() == null) {
                throw RefundRefused.badLine(i, "productId is required");
            }
            if (line.quantity() < 1) {
                throw RefundRefused.badLine(i, "quantity must be at least 1");
            }
            if (!seen.add(line.productId())) {
                throw RefundRefused.badLine(i, "the product appears on an earlier line");
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
