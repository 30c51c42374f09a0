package app.pos.order;

import app.pos.customer.CustomerDetails;
import app.pos.customer.CustomerMatch;
import app.pos.customer.CustomerService;
import app.pos.customer.PhoneNumbers;
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
public class LegacyOrderLinker {

    private static final int NAME_MAX = 200;

    private final OrderRepository orders;
    private final CustomerService customers;
    private final CustomerOrders customerOrders;
    private final PhoneNumbers phones;

    LegacyOrderLinker(
            OrderRepository orders, CustomerService customers, CustomerOrders customerOrders, PhoneNumbers phones) {
        this.orders = orders;
        this.customers = customers;
        this.customerOrders = customerOrders;
        this.phones = phones;
    }

    public record Report(
            int ordersLinked,
            int customersCreated,
            int customersMatched,
            int ordersSkipped,
            int customersWithStatsCorrected) {}

    @Transactional
    public Report link() {
        Map<String, List<OrderRepository.LegacyOrder>> byPhone = new LinkedHashMap<>();
        int skipped = 0;
        for (OrderRepository.LegacyOrder order : orders.findUnlinkedWithContact()) {
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
            OrderRepository.LegacyOrder newest = entry.getValue().get(0);
            CustomerMatch match = customers.findOrCreateCustomer(
                    new CustomerDetails(
                            cleanName(entry.getValue()), entry.getKey(), null, clean(newest.customerAddress(), 500)),
                    "");
            if (match.created()) {
                created++;
            } else {
                matched++;
            }
            linked += orders.linkToCustomer(
                    entry.getValue().stream()
                            .map(OrderRepository.LegacyOrder::id)
                            .toList(),
                    match.customer().id());
            affected.add(match.customer().id());
        }
        int corrected = 0;
        for (UUID customerId : affected) {
            if (customerOrders.recomputeStats(customerId)) {
                corrected++;
            }
        }
        return new Report(linked, created, matched, skipped, corrected);
    }

    private static String cleanName(List<OrderRepository.LegacyOrder> orders) {
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
