package app.pos.customer;

import app.pos.shared.PhoneNumbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns what a cashier typed into SQL conditions. Rules:
 * <ul>
 * <li>Only digits and phone punctuation: the digits (3 or more) match anywhere in the phone.</li>
 * <li>Otherwise each word with letters must be the start of some word of the name (accent- and
 * case-insensitive); tokens of 3+ digits must appear in the phone; a single token also matches an email
 * prefix.</li>
 * <li>Order: exact phone, then phones ending with the digits (the last four, as cashiers ask for them) or
 * names and emails starting with the text, then the rest; recent visitors first among equals.</li>
 * </ul>
 * {@code where} selects every match; {@code tiers} select the matches of the better ranks, best first; matches
 * in none of them rank last. Every value is a bind parameter; folding strips LIKE wildcards from names and
 * digits, and the email prefix is escaped.
 */
record CustomerSearch(String where, List<Tier> tiers, Map<String, Object> params) {

    /**
     * The matches of one rank.
     *
     * @param few true when the condition matches few rows at any size (an exact phone; a phone ending with 3+
     *     given digits: about a hundred for 4 digits at a million customers), so reading them all from the
     *     index and sorting beats walking the newest visitors. PostgreSQL cannot know this from its statistics:
     *     it estimates a narrow prefix range at a whole histogram bucket, ten or a hundred times too many.
     */
    record Tier(String condition, boolean few) {}

    private static final int MIN_DIGITS = 3;
    private static final Pattern PHONE_ONLY = Pattern.compile("[0-9+()\\-.\\s/]+");
    private static final Pattern PHONE_TOKEN = Pattern.compile("[0-9+()\\-.]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    static Optional<CustomerSearch> parse(String query, PhoneNumbers phones) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> conditions = new ArrayList<>();
        List<String> strong = new ArrayList<>();

        if (PHONE_ONLY.matcher(q).matches()) {
            String digits = SearchText.digits(q);
            if (digits.length() < MIN_DIGITS) {
                return Optional.of(nothing());
            }
            String suffix = addDigits(digits, 0, conditions, params);
            List<Tier> tiers = new ArrayList<>();
            Optional<String> e164 = phones.toE164(q);
            if (e164.isPresent()) {
                params.put("e164", e164.get());
                tiers.add(new Tier("phone = :e164 AND " + conditions.get(0), true));
            }
            // a suffix implies "anywhere": standing alone it is estimated and planned on its own
            tiers.add(new Tier(suffix, true));
            return Optional.of(new CustomerSearch(conditions.get(0), List.copyOf(tiers), params));
        }

        List<String> nameConditions = new ArrayList<>();
        List<String> nameWords = new ArrayList<>();
        int d = 0;
        String[] tokens = WHITESPACE.split(q);
        for (String token : tokens) {
            if (PHONE_TOKEN.matcher(token).matches()) {
                String digits = SearchText.digits(token);
                if (digits.length() >= MIN_DIGITS) {
                    strong.add(addDigits(digits, d++, conditions, params));
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
            if (tokens.length == 1 && conditions.isEmpty()) {
                params.put("emailPrefix", escapeLike(q.toLowerCase(Locale.ROOT)) + "%");
                names = "(" + names + " OR email LIKE :emailPrefix ESCAPE '\\')";
                strong.add("email LIKE :emailPrefix ESCAPE '\\'");
            }
            conditions.add(names);
        }
        if (conditions.isEmpty()) {
            return Optional.of(nothing());
        }
        String where = String.join(" AND ", conditions);
        String anyStrong = String.join(" OR ", strong);
        // A name or email prefix implies the "anywhere" condition of the same text, so for a name alone the tier
        // stands alone. ANDed with that condition, PostgreSQL would multiply the two selectivities, estimate 45
        // rows for 1,446 and choose to fetch and sort them all instead of walking the newest visitors.
        Tier tier = conditions.size() == 1
                ? new Tier(anyStrong, nameWords.isEmpty())
                : new Tier(where + " AND (" + anyStrong + ")", false);
        return Optional.of(new CustomerSearch(where, List.of(tier), params));
    }

    private static CustomerSearch nothing() {
        return new CustomerSearch("1 = 0", List.of(), Map.of());
    }

    /** Adds "digits anywhere in the phone" to {@code conditions}; returns the "phone ends with" condition. */
    private static String addDigits(String digits, int index, List<String> conditions, Map<String, Object> params) {
        String any = "dAny" + index;
        String suffix = "dSuffix" + index;
        params.put(any, "%" + digits + "%");
        params.put(suffix, new StringBuilder(digits).reverse() + "%");
        conditions.add("phone_digits LIKE :" + any);
        return "phone_digits_rev LIKE :" + suffix;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
