package app.pos.support;

import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.shared.CustomerDetails;

/** Customers for tests, created through the customer service. */
public final class Customers {

    private Customers() {}

    /** A customer with a phone no other test uses, and neither email nor address. */
    public static CustomerView withPhone(CustomerService customers, String name) {
        return customers.create(new CustomerDetails(name, Fixtures.uniquePhone(), null, null));
    }
}
