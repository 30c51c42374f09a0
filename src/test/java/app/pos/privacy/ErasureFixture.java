package app.pos.privacy;

import static app.pos.support.Fixtures.manager;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.customer.CustomerErasure;
import app.pos.support.Fixtures;
import app.pos.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** A person with distinctive details no other test uses, and the ways the POS comes to hold copies of them. */
record ErasureFixture(String first, String last, String phone, String email, String address, String note) {

    static ErasureFixture person() {
        String tag = tag();
        return new ErasureFixture(
                "Zenobia",
                "Quill" + tag,
                Fixtures.e164(Fixtures.uniquePhone()),
                "zenobia." + tag + "@erase.example.com",
                "12 " + tag + " Street, Springfield",
                "Leave it with " + tag + " next door");
    }

    /**
     * The retention policy as a new test expects it (off, 36 months), the clock back to now, and no customer left of
     * the long-ago ones that the privacy test classes make in their shared database.
     */
    static void retentionAsNew(JdbcClient jdbc, CustomerErasure erasure, TestClock clock) {
        clock.reset();
        jdbc.sql("UPDATE retention_policy SET enabled = FALSE, inactive_months = 36 WHERE id = 1")
                .update();
        while (!erasure.eraseInactive(OffsetDateTime.parse("1950-01-01T00:00:00Z"), 1_000)
                .isEmpty()) {}
    }

    static String tag() {
        StringBuilder sb = new StringBuilder("er");
        for (int i = 0; i < 10; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }

    String name() {
        return first + " " + last;
    }

    /** The national digits, as a phone is typed ("4152000001"). */
    String digits() {
        return phone.substring(2);
    }

    /** A Shopify customer export with this person, their marketing consents and a note. */
    String shopifyCsv() {
        return "Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address Company,"
                + "Default Address Address1,Default Address Address2,Default Address City,"
                + "Default Address Province Code,Default Address Country Code,Default Address Zip,"
                + "Default Address Phone,Phone,Accepts SMS Marketing,Total Spent,Total Orders,Note,Tax Exempt,Tags\n"
                + "73988" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L) + "," + first + "," + last
                + "," + email + ",yes,,\"" + address + "\",,Springfield,IL,US,62701,," + Fixtures.international(phone)
                + ",yes,0,0,\"Oat milk, " + last + " likes jasmine\",no,\n";
    }

    /** Uploads a file on the import page and leaves it there (not imported): a stored copy of the file. */
    static void upload(MockMvc mvc, String csv) throws Exception {
        mvc.perform(multipart("/admin/customers/import")
                        .file(new MockMultipartFile(
                                "file", "customers.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .session(new MockHttpSession())
                        .with(manager())
                        .with(csrf()))
                .andExpect(status().isOk());
    }

    /** An order of an older system: a name and number on it, no customer. */
    static UUID legacyOrder(JdbcClient jdbc, String name, String number, String total, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        long orderNumber =
                jdbc.sql("SELECT nextval('order_number_seq')").query(Long.class).single();
        jdbc.sql("""
                INSERT INTO orders (id, number, customer_name, customer_number, order_type, payment_method, status,
                                    subtotal, discount, tax, total, created_at)
                VALUES (:id, :number, :name, :phone, 'DINE_IN', 'CASH', 'COMPLETED', :total, 0, 0, :total, :at)
                """)
                .param("id", id)
                .param("number", orderNumber)
                .param("name", name)
                .param("phone", number)
                .param("total", new java.math.BigDecimal(total))
                .param("at", at)
                .update();
        return id;
    }

    /** Lower-case needles to look for in every text column. */
    java.util.List<String> needles() {
        return java.util.List.of(
                name().toLowerCase(Locale.ROOT), last.toLowerCase(Locale.ROOT), email.toLowerCase(Locale.ROOT));
    }
}
