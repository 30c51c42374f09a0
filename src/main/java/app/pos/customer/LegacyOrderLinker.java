package app.pos.customer;

import app.pos.order.LegacyOrders;
import app.pos.shared.CustomerDetails;
import app.pos.shared.PhoneNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links orders from an older system (a customer name and number on the order, no customer id) to customers:
 * found or created by normalized phone, then their statistics recomputed from their orders. Idempotent:
 * a second run finds only the orders it could not link the first time and changes nothing.
 */
@Service
class LegacyOrderLinker {

    private static final int NAME_MAX = 200;

    private final LegacyOrders orders;
    private final CustomerMatcher matcher;
    private final CustomerStats stats;
    private final PhoneNumbers phones;

    LegacyOrderLinker(LegacyOrders orders, CustomerMatcher matcher, CustomerStats stats, PhoneNumbers phones) {
        this.orders = orders;
        this.matcher = matcher;
        this.stats = stats;
        this.phones = phones;
    }

    record Report(
            int ordersLinked,
            int customersCreated,
            int customersMatched,
            int ordersSkipped,
            int customersWithStatsCorrected) {}

    @Transactional
    Report link() {
        Map<String, List<LegacyOrders.Unlinked>> byPhone = new LinkedHashMap<>();
        int skipped = 0;
        for (LegacyOrders.Unlinked order : orders.unlinked()) {
            var e164 = phones.toE164(order.customerNumber());
            if (e164.isEmpty()) {
                skipped++;
            } else {
                byPhone.computeIfAbsent(e164.get(), k -> new ArrayList<>()).add(order);
            }
        }
        int linked = 0;
        int created = 0;
        int matched = 0;
        Set<UUID> affected = new LinkedHashSet<>();
        for (var entry : byPhone.entrySet()) {
            // Newest order first: its name and address are the customer's most recent ones.
            LegacyOrders.Unlinked newest = entry.getValue().get(0);
            CustomerMatch match = matcher.findOrCreate(
                    new CustomerDetails(
                            cleanName(entry.getValue()), entry.getKey(), null, clean(newest.customerAddress(), 500)),
                    "");
            if (match.created()) {
                created++;
            } else {
                matched++;
            }
            linked += orders.link(
                    entry.getValue().stream().map(LegacyOrders.Unlinked::id).toList(),
                    match.customer().id());
            affected.add(match.customer().id());
        }
        int corrected = 0;
        for (UUID customerId : affected) {
            if (stats.recompute(customerId)) {
                corrected++;
            }
        }
        return new Report(linked, created, matched, skipped, corrected);
    }

    private static String cleanName(List<LegacyOrders.Unlinked> orders) {
        return orders.stream()
                .map(o -> clean(o.customerName(), NAME_MAX))
                .filter(n -> n != null)
                .findFirst()
                .orElse("Unknown customer");
    }

    private static String clean(String text, int max) {
        if (text == null) {
            return null;
        }
        String cleaned = text.replaceAll("\\p{Cntrl}", " ").strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        return cleaned.length() > max ? cleaned.substring(0, max).strip() : cleaned;
    }
}
