package app.pos.customer;

/**
 * The columns customer search reads, derived from a customer's name and E.164 phone. The repository stores them
 * with every insert and update; the data generator writes them with COPY through the same derivation.
 */
public record SearchColumns(String nameSearch, String phoneDigits, String phoneDigitsReversed) {

    public static SearchColumns of(String name, String e164Phone) {
        String digits = e164Phone == null ? null : SearchText.digits(e164Phone);
        return new SearchColumns(
                SearchText.nameKey(name),
                digits,
                digits == null ? null : new StringBuilder(digits).reverse().toString());
    }
}
