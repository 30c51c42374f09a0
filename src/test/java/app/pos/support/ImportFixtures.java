package app.pos.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Square and Shopify export fixtures ({@code src/test/resources/import}), made this test's own: the phones
 * (all of area 212, exchange 664) get an exchange no other load has, the customer ids and email domains a tag, so
 * tests that share a database never import each other's customers.
 */
public final class ImportFixtures {

    public static final String SQUARE = "square-customers.csv";
    public static final String SHOPIFY = "shopify-customers.csv";

    private static final AtomicInteger LOADS = new AtomicInteger();

    private ImportFixtures() {}

    /** The file as it is in the resources. */
    public static String raw(String name) {
        try (InputStream in = ImportFixtures.class.getResourceAsStream("/import/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file with phones, ids and emails of its own (see the class). */
    public static String own(String name, String tag) {
        int exchange = 200 + LOADS.getAndIncrement() % 400 * 2; // even, so never an x11 service code
        if (exchange == 664) {
            exchange = 665; // odd: no other load gets it
        }
        return raw(name)
                .replaceAll("212([) .-]*)664", "212$1" + exchange)
                .replaceAll("\\b[A-Z0-9]{26}\\b", "$0-" + tag)
                .replaceAll("\\b7398802653\\d{3}\\b", "$0-" + tag)
                .replace("@example.com", "@" + tag + ".example.com");
    }

    /** The E.164 form of a fixture phone's last four digits as {@link #own} wrote them in {@code text}. */
    public static String phone(String text, String lastFour) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("212[) .-]*(\\d{3})[ .-]?" + lastFour)
                .matcher(text);
        if (!m.find()) {
            throw new IllegalArgumentException("no phone ending " + lastFour);
        }
        return "+1212" + m.group(1) + lastFour;
    }
}
