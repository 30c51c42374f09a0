package app.pos.customer;

import java.util.List;

/**
 * A port for features that keep copies of customers' contact details outside the customer's own tables (the back
 * office's uploaded import files): the erasure calls every implementation in its transaction with what to look
 * for, so that the copies go with the customer. A direct call rather than an event, so the details are never
 * written to the event publication registry.
 */
public interface PersonalDataCopies {

    /** The values of an erased person to look for: name, E.164 phone and e-mail (each may be null). */
    record ErasedContact(String name, String phone, String email) {}

    /** Removes every copy that holds any of these people's name, phone or e-mail. */
    void forget(List<ErasedContact> people);
}
