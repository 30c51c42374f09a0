package app.pos.customer;

import app.pos.shared.PosException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A cashier tried to change or clear contact details they only see masked. */
public final class ContactDetailsMasked extends PosException {

    private ContactDetailsMasked(List<String> fields) {
        super(
                HttpStatus.FORBIDDEN,
                "Contact details are masked",
                "A cashier may not change or clear a phone, email or address shown masked (" + String.join(", ", fields)
                        + "); send it back as shown to keep it, or ask a manager.",
                Map.of("fields", List.copyOf(fields)));
    }

    static ContactDetailsMasked changing(List<String> fields) {
        return new ContactDetailsMasked(fields);
    }
}
