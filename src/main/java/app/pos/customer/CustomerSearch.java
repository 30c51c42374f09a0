package app.pos.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a cashier typed into one SQL query. Rules:
 * <ul>
 * <li>Only digits and phone punctuation: the digits (3 or more) match anywhere in the phone.</li>
 * <li>Otherwise each word with letters must be the start of some word of the name (accent- and
 * case-insensitive); tokens of 3+ digits must appear in the phone; a single token also matches an email
 * prefix.</li>
 * <li>Order: exact phone, then phone prefix/suffix or name prefix, then the rest; recent visitors first
 * among equals.</li>
 * </ul>
 * Every value is a bind parameter; folding strips LIKE wildcards from names and digits, and the email prefix
 * is escaped.
 */
record CustomerSearch(String where, String rank, String strong, Map<String, Object> params) {

    private static final int MIN_DIGITS = 3;

    static Optional<CustomerSearch> parse(String query, PhoneNumbers phones) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        List<String> strong = new ArrayList<>();
        String exact = "1 = 0";

        if (q.matches("[0-9+()\\-.\\s/]+")) {
            String digits = SearchText.digits(q);
            if (digits.length() < MIN_DIGITS) {
                return Optional.of(nothing());
            }
            addDigits(digits, 0, conditions, strong, params);
            Optional<String> e164 = phones.toE164(q);
            if (e164.isPresent()) {
                params.put("e164", e164.get());
                exact = "phone = :e164";
            }
            return Optional.of(new CustomerSearch(String.join(" AND ", conditions), rank(exact, strong),
                    strongest(exact, strong), params));
        }

        List<String> nameConditions = new ArrayList<>();
        List<String> nameWords = new ArrayList<>();
        int d = 0;
        for (String token : q.split("\\s+")) {
            if (token.matches("[0-9+()\\-.]+")) {
                String digits = SearchText.digits(token);
                if (digits.length() >= MIN_DIGITS) {
                    addDigits(digits, d++, conditions, strong, params);
                }
                continue;
            }
            for (String word : SearchText.words(token)) {
                String key = "w" + nameWords.size();
                params.put(key, "% " + word + "%");
                nameConditions.add("name_search LIKE :" + key);
                nameWords.add(word);
            }
        }
        if (!nameWords.isEmpty()) {
            params.put("namePrefix", " " + String.join(" ", nameWords) + "%");
            strong.add("name_search LIKE :namePrefix");
            String names = String.join(" AND ", nameConditions);
            if (!q.matches(".*\\s.*") && conditions.isEmpty()) {
                params.put("emailPrefix", escapeLike(q.toLowerCase(Locale.ROOT)) + "%");
                names = "(" + names + " OR email LIKE :emailPrefix ESCAPE '\\')";
                strong.add("email LIKE :emailPrefix ESCAPE '\\'");
            }
            conditions.add(names);
        }
        if (conditions.isEmpty()) {
            return Optional.of(nothing());
        }
        return Optional.of(new CustomerSearch(String.join(" AND ", conditions), rank(exact, strong),
                strongest(exact, strong), params));
    }

    private static CustomerSearch nothing() {
        return new CustomerSearch("1 = 0", "2", "1 = 0", Map.of());
    }

    /**
     * The condition for rank 0 or 1 (exact phone, phone or name prefix), as plain ORs of prefix conditions so
     * PostgreSQL can answer it from B-tree indexes (wrapped in a function it would scan the table).
     */
    private static String strongest(String exact, List<String> strong) {
        List<String> all = new ArrayList<>();
        if (!exact.equals("1 = 0")) {
            all.add(exact);
        }
        all.addAll(strong);
        return all.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", all) + ")";
    }

    private static void addDigits(String digits, int index, List<String> conditions, List<String> strong,
            Map<String, Object> params) {
        String any = "dAny" + index;
        String prefix = "dPrefix" + index;
        String suffix = "dSuffix" + index;
        params.put(any, "%" + digits + "%");
        params.put(prefix, digits + "%");
        params.put(suffix, new StringBuilder(digits).reverse() + "%");
        conditions.add("phone_digits LIKE :" + any);
        strong.add("phone_digits LIKE :" + prefix);
        strong.add("phone_digits_rev LIKE :" + suffix);
    }

    private static String rank(String exact, List<String> strong) {
        String strongCondition = strong.isEmpty() ? "1 = 0" : String.join(" OR ", strong);
        return "CASE WHEN " + exact + " THEN 0 WHEN " + strongCondition + " THEN 1 ELSE 2 END";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
