package app.pos.web;

import app.pos.shared.PhoneNumbers;
import org.springframework.stereotype.Component;

/**
 * Phone numbers as pages and receipts show them, {@code ${@phone.format(customer.phone())}}: the shop's national
 * format for numbers of {@code pos.default-region}, the international format for the others. The API keeps
 * E.164. Like {@code @money}, not a Spring {@code Formatter}, so request parameters are read as before.
 */
@Component("phone")
class PhoneFormat {

    private final PhoneNumbers phones;

    PhoneFormat(PhoneNumbers phones) {
        this.phones = phones;
    }

    public String format(String e164) {
        return phones.display(e164);
    }
}
