package app.pos.customer;

import java.util.List;

/** Customers who are probably the same person, and why we think so. */
public record DuplicateGroup(Reason reason, String key, List<CustomerView> customers) {

    public enum Reason {
        SAME_EMAIL,
        SAME_PHONE_DIGITS,
        SIMILAR_NAME_SAME_ADDRESS
    }
}
