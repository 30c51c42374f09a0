package app.pos.customer;

import app.pos.order.OrderCustomers;
import app.pos.order.OrderView;
import app.pos.shared.CustomerDetails;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The customer records as checkout sees them: the customer feature's side of {@link OrderCustomers}. */
@Component
class OrderCustomersAdapter implements OrderCustomers {

    private final CustomerService customers;
    private final CustomerMatcher matcher;
    private final ContactMasking masking;

    OrderCustomersAdapter(CustomerService customers, CustomerMatcher matcher, ContactMasking masking) {
        this.customers = customers;
        this.matcher = matcher;
        this.masking = masking;
    }

    @Override
    public OrderView shownToCurrentStaff(OrderView order) {
        if (order == null || !masking.masksForCurrentStaff()) {
            return order;
        }
        return order.withCustomerContact(
                ContactMasking.phone(order.customerNumber()),
                order.customerAddress() == null ? null : ContactMasking.MASKED_ADDRESS);
    }

    @Override
    public Optional<Snapshot> find(UUID id) {
        return customers.find(id).map(OrderCustomersAdapter::snapshot);
    }

    @Override
    public Snapshot get(UUID id) {
        return snapshot(customers.get(id));
    }

    @Override
    public Snapshot findOrCreate(CustomerDetails details, String fieldPrefix) {
        return snapshot(matcher.findOrCreate(details, fieldPrefix).customer());
    }

    private static Snapshot snapshot(CustomerView c) {
        return new Snapshot(c.id(), c.name(), c.phone(), c.address());
    }
}
