package app.pos.customer;

import app.pos.audit.AuditAction;
import app.pos.audit.AuditEntry;
import app.pos.audit.AuditLog;
import app.pos.order.CustomerOrders;
import app.pos.order.OrderView;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's data export (GDPR Art. 15 access, Art. 20 portability): everything the POS holds about them in one
 * document ({@link CustomerData}). The export is itself recorded in the audit log ({@code DATA_EXPORTED}), in the
 * same transaction and before the log is read, so the document lists its own entry last. Orders come through the
 * order feature's {@link CustomerOrders#everyOrder} (one query, lines included); other features add their part as
 * {@link DataExportSection} beans.
 */
@Service
public class CustomerDataExport {

    private final CustomerService customers;
    private final DataExportRecords records;
    private final CustomerOrders orders;
    private final Consents consents;
    private final AuditLog audit;
    private final List<DataExportSection> sections;
    private final String shopName;
    private final Clock clock;

    CustomerDataExport(
            CustomerService customers,
            DataExportRecords records,
            CustomerOrders orders,
            Consents consents,
            AuditLog audit,
            List<DataExportSection> sections,
            @Value("${pos.shop.name:}") String shopName,
            Clock clock) {
        this.customers = customers;
        this.records = records;
        this.orders = orders;
        this.consents = consents;
        this.audit = audit;
        this.sections = List.copyOf(sections);
        this.shopName = shopName == null || shopName.isBlank() ? null : shopName.strip();
        this.clock = clock;
    }

    /** Everything held about the customer, exported by {@code staff}; {@link CustomerNotFound} for an unknown id. */
    @Transactional
    public CustomerData export(UUID customerId, String staff) {
        CustomerView customer = customers.get(customerId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        audit.record(AuditAction.DATA_EXPORTED, customerId, "json");
        List<OrderView> placed = new ArrayList<>();
        orders.everyOrder(customerId, placed::add);
        List<CustomerData.Merge> merges = records.merges(customerId);
        return new CustomerData(
                new CustomerData.Header(CustomerData.FORMAT_VERSION, now, staff, shopName, customerId),
                customer,
                records.externalIds(customerId),
                records.importedConsents(customerId),
                consents.history(customerId),
                placed,
                addresses(placed),
                merges,
                auditEntries(customerId, merges),
                contributed(customerId));
    }

    /** The distinct addresses on the orders, delivery and customer snapshot, most recently used first. */
    private static List<CustomerData.AddressUsed> addresses(List<OrderView> placed) {
        Map<String, CustomerData.AddressUsed> byAddress = new LinkedHashMap<>();
        for (OrderView order : placed) {
            use(byAddress, order.deliveryAddress(), 1, 0, order.createdAt());
            use(byAddress, order.customerAddress(), 0, 1, order.createdAt());
        }
        return byAddress.values().stream()
                .sorted(Comparator.comparing(CustomerData.AddressUsed::lastUsed).reversed())
                .toList();
    }

    private static void use(
            Map<String, CustomerData.AddressUsed> byAddress,
            String address,
            int delivery,
            int onOrder,
            OffsetDateTime at) {
        if (address == null || address.isBlank()) {
            return;
        }
        byAddress.merge(
                address,
                new CustomerData.AddressUsed(address, delivery, onOrder, at, at),
                (a, b) -> new CustomerData.AddressUsed(
                        address,
                        a.deliveries() + b.deliveries(),
                        a.onOrders() + b.onOrders(),
                        a.firstUsed().isBefore(b.firstUsed()) ? a.firstUsed() : b.firstUsed(),
                        a.lastUsed().isAfter(b.lastUsed()) ? a.lastUsed() : b.lastUsed()));
    }

    /** The entries about the customer and about the records merged into them, oldest first. */
    private List<CustomerData.AuditRecord> auditEntries(UUID customerId, List<CustomerData.Merge> merges) {
        return Stream.concat(Stream.of(customerId), merges.stream().map(CustomerData.Merge::mergedId))
                .distinct()
                .flatMap(id -> audit.about(id).stream())
                .sorted(Comparator.comparing(AuditEntry::at))
                .map(CustomerData.AuditRecord::from)
                .toList();
    }

    private Map<String, Object> contributed(UUID customerId) {
        Map<String, Object> byName = new TreeMap<>();
        for (DataExportSection section : sections) {
            if (byName.put(section.name(), section.export(customerId)) != null) {
                throw new IllegalStateException("two data export sections are named " + section.name());
            }
        }
        return byName;
    }
}
