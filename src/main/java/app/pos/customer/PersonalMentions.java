package app.pos.customer;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a free text that outlives the customer (an erasure's reason in the audit log, a loyalty adjustment's
 * reason in the ledger) names them: a word of their name, their e-mail, or their phone's digits. One rule for every
 * feature that keeps such a text.
 */
public final class PersonalMentions {

    private static final int SHORTEST_DIGITS = 4;
    private static final int PHONE_TAIL = 7;
    private static final Pattern NUMBER = Pattern.compile("[0-9+(][0-9 ().+-]*[0-9]");

    private PersonalMentions() {}

    /**
     * True when the text holds any word of the customer's name (two letters or more, as a whole word, any case),
     * their e-mail, a number that is part of their phone (seven digits or more) or its end (four or more), or their
     * phone's last seven digits among its digits.
     */
    public static boolean namesThePerson(String text, CustomerView customer) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (customer.email() != null && lower.contains(customer.email().toLowerCase(Locale.ROOT))) {
            return true;
        }
        for (String word : customer.name().toLowerCase(Locale.ROOT).split("[\\s,.'-]+")) {
            if (word.length() >= 2 && containsWord(lower, word)) {
                return true;
            }
        }
        String phone = customer.phone() == null ? "" : digits(customer.phone());
        if (phone.length() < SHORTEST_DIGITS) {
            return false;
        }
        if (phone.length() >= PHONE_TAIL && digits(text).contains(phone.substring(phone.length() - PHONE_TAIL))) {
            return true;
        }
        Matcher numbers = NUMBER.matcher(text);
        while (numbers.find()) {
            String digits = digits(numbers.group());
            if ((digits.length() >= PHONE_TAIL && phone.contains(digits))
                    || (digits.length() >= SHORTEST_DIGITS && phone.endsWith(digits))) {
                return true;
            }
        }
        return false;
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])")
                .matcher(text)
                .find();
    }
}
