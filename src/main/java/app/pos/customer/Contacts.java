package app.pos.customer;

import app.pos.shared.CustomerDetails;
import app.pos.shared.InvalidInput;
import app.pos.shared.Names;
import app.pos.shared.PhoneNumbers;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The one normalization of typed contact details, for every way a customer is created, changed or imported. */
@Component
class Contacts {

    private final PhoneNumbers phones;

    Contacts(PhoneNumbers phones) {
        this.phones = phones;
    }

    /** Trims (and NFC-normalizes the name), reads the phone as E.164 (or refuses it, naming {@code fieldPrefix + "phone"}), lower-cases the email. */
    Contact normalize(CustomerDetails details, String fieldPrefix) {
        String phone = blankToNull(details.phone());
        String e164 = null;
        if (phone != null) {
            e164 = phones.toE164(phone)
                    .orElseThrow(() -> InvalidInput.field(
                            fieldPrefix + "phone",
                            "is not a valid phone number for region " + phones.defaultRegion()
                                    + " (include the country code, e.g. +44, for other countries)"));
        }
        return new Contact(
                Names.normalize(details.name()),
                e164,
                email(details.email()),
                blankToNull(details.address()),
                details.notes() == null ? null : details.notes().strip());
    }

    /** An email as stored and looked up: trimmed and lower-case; null when blank. */
    static String email(String typed) {
        String email = blankToNull(typed);
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
