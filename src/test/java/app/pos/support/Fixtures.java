package app.pos.support;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Small test fixtures: unique names and valid phone numbers, and staff identities for MockMvc requests. */
public final class Fixtures {

    private static final AtomicInteger SEQUENCE =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

    private Fixtures() {}

    /** A product, category or customer name no other test of this run uses: "Soup 1a2b3c4d". */
    public static String uniqueName(String prefix) {
        return prefix + " " + randomHex();
    }

    /** A staff username no other test of this run uses: "cashier-1a2b3c4d". */
    public static String uniqueUsername(String prefix) {
        return prefix + "-" + randomHex();
    }

    private static String randomHex() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid US number, different on every call in this JVM, in the "(415) 2NN-NNNN" style a cashier types. */
    public static String uniquePhone() {
        int n = SEQUENCE.getAndIncrement() % 8_000_000;
        int exchange = 200 + (n / 10_000) % 800;
        if (exchange % 100 == 11) {
            exchange++;
        }
        return String.format("(415) %03d-%04d", exchange, n % 10_000);
    }

    /** The E.164 form of a phone made by {@link #uniquePhone()}. */
    public static String e164(String phone) {
        return "+1" + phone.replaceAll("[^0-9]", "");
    }

    /** A US number in E.164 as pages show it in a US shop: "(415) 555-0132". */
    public static String national(String e164) {
        String d = e164.substring(2);
        return "(" + d.substring(0, 3) + ") " + d.substring(3, 6) + "-" + d.substring(6);
    }

    /** A US number in E.164 in the international format, as the CSV export writes it: "+1 415-555-0132". */
    public static String international(String e164) {
        String d = e164.substring(2);
        return "+1 " + d.substring(0, 3) + "-" + d.substring(3, 6) + "-" + d.substring(6);
    }

    public static RequestPostProcessor cashier() {
        return SecurityMockMvcRequestPostProcessors.user("cashier").roles("CASHIER");
    }

    public static RequestPostProcessor manager() {
        return SecurityMockMvcRequestPostProcessors.user("manager").roles("MANAGER");
    }

    public static RequestPostProcessor admin() {
        return SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN");
    }
}
