package app.pos.customer;

import app.pos.shared.InvalidInput;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The free-text note on a customer ("oat milk, no nuts"), edited on its own at the till: the same rules as the
 * {@code notes} of a customer's details (up to 1,000 characters, line breaks allowed, no other control
 * characters), and the same {@link CustomerUpdated} event as any change of the record.
 */
@Service
public class CustomerNotes {

    public static final int MAX_LENGTH = 1000;

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private final CustomerRepository customers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerNotes(CustomerRepository customers, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    /** Replaces the customer's notes; blank clears them. Answers the customer as saved. */
    @Transactional
    public CustomerView update(UUID id, String notes) {
        String text = notes == null ? "" : notes.strip();
        if (text.length() > MAX_LENGTH) {
            throw InvalidInput.field("notes", "must be at most 1000 characters");
        }
        if (CONTROL.matcher(text).find()) {
            throw InvalidInput.field("notes", "must not contain control characters");
        }
        if (!customers.updateNotes(id, text.isEmpty() ? null : text, OffsetDateTime.now(clock))) {
            throw CustomerNotFound.byId(id);
        }
        events.publishEvent(new CustomerUpdated(id));
        return customers.findById(id).orElseThrow(() -> CustomerNotFound.byId(id));
    }
}
