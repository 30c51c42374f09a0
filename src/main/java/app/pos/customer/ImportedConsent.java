package app.pos.customer;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What another system's marketing status means for our consent: Square writes {@code subscribed} /
 * {@code unsubscribed} / {@code unknown}, Shopify {@code yes} / {@code no} (and in newer exports
 * {@code subscribed}, {@code not_subscribed}, {@code pending}…). Anything neither granted nor withdrawn records
 * nothing.
 */
final class ImportedConsent {

    private static final Set<String> GRANTED = Set.of(
            "subscribed",
            "yes",
            "y",
            "true",
            "1",
            "opted_in",
            "optin",
            "opt_in",
            "accepted",
            "accepts",
            "granted",
            "confirmed",
            "confirmed_opt_in",
            "single_opt_in");
    private static final Set<String> WITHDRAWN = Set.of(
            "unsubscribed",
            "not_subscribed",
            "no",
            "n",
            "false",
            "0",
            "opted_out",
            "optout",
            "opt_out",
            "declined",
            "withdrawn",
            "rejected");

    private ImportedConsent() {}

    static Optional<ConsentState> state(String status) {
        if (status == null) {
            return Optional.empty();
        }
        String key = status.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        if (GRANTED.contains(key)) {
            return Optional.of(ConsentState.GRANTED);
        }
        if (WITHDRAWN.contains(key)) {
            return Optional.of(ConsentState.WITHDRAWN);
        }
        return Optional.empty();
    }
}
