package app.pos.till;

import app.pos.customer.CustomerView;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A customer in the till's search results: enough to tell two "John"s apart, with the phone masked. */
public record CustomerCard(
        UUID id, String name, String maskedPhone, int visitCount, BigDecimal totalSpent, OffsetDateTime lastVisitAt) {

    static CustomerCard from(CustomerView c) {
        return new CustomerCard(c.id(), c.name(), mask(c.phone()), c.visitCount(), c.totalSpent(), c.lastVisitAt());
    }

    /** "+14155550132" → "•••• 0132"; the last four digits are what a cashier asks for. */
    static String mask(String phone) {
        if (phone == null || phone.length() < 4) {
            return "";
        }
        return "•••• " + phone.substring(phone.length() - 4);
    }
}
