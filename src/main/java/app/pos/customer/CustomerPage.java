package app.pos.customer;

import java.util.List;

/** One keyset page of the customer list; {@code next} is the cursor of the following page, null on the last. */
public record CustomerPage(List<CustomerView> items, String next, long count, boolean countCapped) {}
