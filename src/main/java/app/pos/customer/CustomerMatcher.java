package app.pos.customer;

import app.pos.shared.CustomerDetails;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Find-or-create for orders (an order's inline customer) and for the legacy backfill: matched by normalized phone,
 * then by email; created when neither matches. An existing customer's name and contact values are never
 * overwritten by order data; only values they lack are filled in.
 */
@Component
class CustomerMatcher {

    private final CustomerRepository customers;
    private final Contacts contacts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerMatcher(CustomerRepository customers, Contacts contacts, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.contacts = contacts;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Must run inside the caller's transaction (the order's).
     *
     * @param fieldPrefix prefix for field names in validation errors, such as {@code "customer."}
     */
    @Transactional
    CustomerMatch findOrCreate(CustomerDetails details, String fieldPrefix) {
        Contact contact = contacts.normalize(details, fieldPrefix);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<CustomerView> match =
                contact.phone() != null ? customers.findByPhone(contact.phone()) : Optional.empty();
        if (match.isEmpty() && contact.email() != null) {
            match = customers.findByEmail(contact.email());
        }
        if (match.isPresent()) {
            UUID id = match.get().id();
            if (customers.fillBlanks(id, contact, now)) {
                events.publishEvent(new CustomerUpdated(id));
            }
            return new CustomerMatch(get(id), false);
        }
        UUID id = UUID.randomUUID();
        customers.insert(id, contact, now);
        events.publishEvent(new CustomerCreated(id));
        return new CustomerMatch(get(id), true);
    }

    private CustomerView get(UUID id) {
        return customers.findById(id).orElseThrow(() -> CustomerNotFound.byId(id));
    }
}
