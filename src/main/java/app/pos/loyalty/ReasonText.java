package app.pos.loyalty;

import app.pos.customer.CustomerView;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An adjustment's reason stays in the ledger after the customer is erased, so it must not name them: no word of
 * their name, no e-mail, no last seven digits of their phone.
 */
final class ReasonText {

    private ReasonText() {}

    static boolean namesThePerson(String text, CustomerView customer) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (customer.email() != null && lower.contains(customer.email().toLowerCase(Locale.ROOT))) {
            return true;
        }
        if (customer.phone() != null) {
            String phone = customer.phone().replaceAll("[^0-9]", "");
            if (phone.length() >= 7 && text.replaceAll("[^0-9]", "").contains(phone.substring(phone.length() - 7))) {
                return true;
            }
        }
        for (String word : customer.name().toLowerCase(Locale.ROOT).split("[\\s,.'-]+")) {
            if (word.length() >= 2
                    && Pattern.compile("(?U)\\b" + Pattern.quote(word) + "\\b")
                            .matcher(lower)
                            .find()) {
                return true;
            }
        }
        return false;
    }
}
