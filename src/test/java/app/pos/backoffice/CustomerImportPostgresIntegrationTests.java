package app.pos.backoffice;

import static app.pos.support.Fixtures.e164;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.customer.CustomerView;
import app.pos.support.DatabaseState;
import app.pos.support.PostgresIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The CSV import: upload, column mapping, check, run, and the report of rejected rows.
 */
@PostgresIntegrationTest
class CustomerImportPostgresIntegrationTests extends CustomerBackOfficeTest {

    record ImportFile(String tag, byte[] bytes, String p1, String p2, String p5, CustomerView existing) {}

    static String otherFormat(String phone) {
        String d = phone.replaceAll("[^0-9]", "");
        return "+1 " + d.substring(0, 3) + " " + d.substring(3, 6) + " " + d.substring(6);
    }

    ImportFile importFile() {
        String tag = tag();
        String p1 = uniquePhone();
        String p2 = uniquePhone();
        String p5 = uniquePhone();
        CustomerView existing = customer("Existing " + tag, uniquePhone(), null, null);
        String csv = "Full Name;Mobile;E-mail;Street\r\n"
                + "Imp Alpha " + tag + ";" + p1 + ";alpha." + tag + "@example.com;1 First Street\r\n"
                + "Imp Bravo " + tag + ";" + p2 + ";;2 Second Street\r\n"
                + "Bad Phone " + tag + ";12;badphone." + tag + "@example.com;3 Third Street\r\n"
                + "Bad Email " + tag + ";" + uniquePhone() + ";not-an-email;4 Fourth Street\r\n"
                + ";" + uniquePhone() + ";noname." + tag + "@example.com;5 Fifth Street\r\n"
                + "Dup Alpha " + tag + ";" + otherFormat(p1) + ";dup." + tag + "@example.com;6 Sixth Street\r\n"
                + "Existing Again " + tag + ";" + otherFormat(existing.phone().substring(2)) + ";again." + tag
                + "@example.com;7 Seventh Street\r\n"
                + "\"Smith; John " + tag + "\";" + p5 + ";\"john." + tag + "@example.com\";\"Flat 2\n9 Long Road\"\r\n";
        return new ImportFile(tag, csv.getBytes(StandardCharsets.UTF_8), p1, p2, p5, existing);
    }

    static final Map<Integer, String> EXPECTED_REJECTIONS = Map.of(
            4, "phone ",
            5, "email must be a valid email address",
            6, "name is required",
            7, "duplicate of an earlier row in the file (same phone)",
            8, "already a customer (same phone)");

    String check(MockHttpSession session) throws Exception {
        return body(mvc.perform(post("/admin/customers/import/check")
                        .session(session)
                        .with(manager())
                        .with(csrf())
                        .param("map_name", "0")
                        .param("map_phone", "1")
                        .param("map_email", "2")
                        .param("map_address", "3"))
                .andExpect(status().isOk())
                .andReturn());
    }

    /** The report's data rows by line number: (name, reason). */
    Map<Integer, List<String>> report(MockHttpSession session) throws Exception {
        MvcResult result = mvc.perform(get("/admin/customers/import/report.csv")
                        .session(session)
                        .with(manager()))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("text/csv");
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOfRange(bytes, 0, 3)).containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<List<String>> rows = rfc4180(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertThat(rows.get(0)).containsExactly("line", "name", "phone", "email", "address", "reason");
        Map<Integer, List<String>> byLine = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertThat(byLine.put(Integer.valueOf(row.get(0)), row))
                    .as("line %s reported once", row.get(0))
                    .isNull();
        }
        return byLine;
    }

    static void assertRejections(Map<Integer, List<String>> report) {
        assertThat(report.keySet()).containsExactlyInAnyOrderElementsOf(EXPECTED_REJECTIONS.keySet());
        EXPECTED_REJECTIONS.forEach(
                (line, reason) -> assertThat(report.get(line).get(5))
                        .as("reason for line %d", line)
                        .startsWith(reason));
    }

    long tagged(String tag) {
        return jdbc.sql("SELECT COUNT(*) FROM customers WHERE name LIKE :pattern")
                .param("pattern", "%" + tag + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void importCreatesExactlyTheGoodRowsAndReportsEveryRejectedLineWithItsReason() throws Exception {
        ImportFile file = importFile();
        MockHttpSession session = new MockHttpSession();

        String preview = upload(session, file.bytes());
        assertThat(preview)
                .contains("id=\"mapping-form\"")
                .contains("Full Name")
                .contains("E-mail")
                .contains("Smith; John " + file.tag());
        String checked = check(session);
        assertThat(checked)
                .contains("id=\"valid-count\">3 rows can be imported<")
                .contains("id=\"rejected-count\">5 rows are rejected<");
        assertRejections(report(session));
        assertThat(tagged(file.tag())).as("checking imports nothing").isEqualTo(1);

        MvcResult ran = run(session);
        assertThat(ran.getFlashMap().get("imported")).isEqualTo(3);
        assertThat((String) ran.getFlashMap().get("message"))
                .contains("Imported 3 customers")
                .contains("5 rows were rejected");

        assertThat(tagged(file.tag())).isEqualTo(1 + 3);
        CustomerView alpha = customers.lookupByPhone(file.p1());
        assertThat(alpha.name()).isEqualTo("Imp Alpha " + file.tag());
        assertThat(alpha.phone()).isEqualTo(e164(file.p1()));
        assertThat(alpha.email()).isEqualTo("alpha." + file.tag() + "@example.com");
        assertThat(alpha.address()).isEqualTo("1 First Street");
        CustomerView bravo = customers.lookupByPhone(file.p2());
        assertThat(bravo.name()).isEqualTo("Imp Bravo " + file.tag());
        assertThat(bravo.email()).isNull();
        CustomerView smith = customers.lookupByPhone(file.p5());
        assertThat(smith.name()).isEqualTo("Smith; John " + file.tag());
        assertThat(smith.email()).isEqualTo("john." + file.tag() + "@example.com");
        assertThat(smith.address()).isEqualTo("Flat 2\n9 Long Road");
        assertThat(customers.get(file.existing().id())).isEqualTo(file.existing());

        MockHttpSession again = new MockHttpSession();
        DatabaseState before = DatabaseState.of(jdbc);
        upload(again, file.bytes());
        assertThat(check(again)).contains("id=\"valid-count\">0 rows can be imported<");
        MvcResult second = run(again);
        assertThat(second.getFlashMap().get("imported")).isEqualTo(0);
        assertThat(DatabaseState.of(jdbc))
                .as("importing the same file again creates nothing")
                .isEqualTo(before);
        assertThat(tagged(file.tag())).isEqualTo(4);
    }

    @Test
    void theReportAfterAnImportListsTheRowsThatImportRejectedNotTheRowsItJustCreated() throws Exception {
        ImportFile file = importFile();
        MockHttpSession session = new MockHttpSession();
        upload(session, file.bytes());
        check(session);
        MvcResult ran = run(session);
        assertThat((String) ran.getFlashMap().get("message")).contains("5 rows were rejected (see the report)");
        assertRejections(report(session));
    }

    long withEmail(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM customers WHERE email = :email")
                .param("email", email)
                .query(Long.class)
                .single();
    }

    @Test
    void reimportingAFileWithCustomerIdsCreatesNothingAndALaterFileFillsOnlyEmptyFields() throws Exception {
        String tag = tag();
        String phone = uniquePhone();
        String header = "Customer ID,Name,Email,Phone,Address\r\n";
        String bea = "bea-" + tag + ",Bea Lindqvist " + tag + ",,,\r\n";
        String carl = "carl-" + tag + ",Carl Berg " + tag + ",,\"" + phone + "\",1 Quay Street\r\n";
        byte[] file = (header + bea + carl).getBytes(StandardCharsets.UTF_8);

        MockHttpSession first = new MockHttpSession();
        String uploaded = upload(first, file);
        assertThat(Jsoup.parse(uploaded)
                        .select("#map-externalId option[selected]")
                        .text())
                .isEqualTo("Customer ID");
        assertThat(checkAsGuessed(first, uploaded)).contains("id=\"valid-count\">2 rows can be imported<");
        assertThat(run(first).getFlashMap().get("imported")).isEqualTo(2);
        assertThat(tagged(tag)).isEqualTo(2);

        MockHttpSession again = new MockHttpSession();
        DatabaseState before = DatabaseState.of(jdbc);
        assertThat(checkAsGuessed(again, upload(again, file)))
                .contains("id=\"valid-count\">0 rows can be imported<")
                .contains("0 new customers, 0 to complete (only their empty fields are filled), 2 already imported");
        MvcResult second = run(again);
        assertThat(second.getFlashMap().get("imported")).isEqualTo(0);
        assertThat(second.getFlashMap().get("unchanged")).isEqualTo(2);
        assertThat(DatabaseState.of(jdbc))
                .as("the same file again changes nothing")
                .isEqualTo(before);
        assertThat(tagged(tag)).isEqualTo(2);

        // the other system now knows Bea's email, calls her differently and has a new number for Carl
        String email = "bea." + tag + "@example.com";
        byte[] later = (header
                        + "bea-" + tag + ",B. Lindqvist " + tag + "," + email + ",,2 Pier Road\r\n"
                        + "carl-" + tag + ",Carl Berg " + tag + ",,\"" + uniquePhone() + "\",9 Other Street\r\n")
                .getBytes(StandardCharsets.UTF_8);
        MockHttpSession third = new MockHttpSession();
        assertThat(checkAsGuessed(third, upload(third, later)))
                .contains("id=\"valid-count\">1 row can be imported<")
                .contains("0 new customers, 1 to complete");
        MvcResult filled = run(third);
        assertThat(filled.getFlashMap().get("updated")).isEqualTo(1);
        assertThat(filled.getFlashMap().get("unchanged")).isEqualTo(1);
        assertThat(tagged(tag)).isEqualTo(2);
        assertThat(withEmail(email)).isEqualTo(1);
        CustomerView beaNow = customers.search("Lindqvist " + tag, 5).get(0);
        assertThat(beaNow.name()).as("never overwritten").isEqualTo("Bea Lindqvist " + tag);
        assertThat(beaNow.email()).isEqualTo(email);
        assertThat(beaNow.address()).isEqualTo("2 Pier Road");
        CustomerView carlNow = customers.lookupByPhone(phone);
        assertThat(carlNow.name()).isEqualTo("Carl Berg " + tag);
        assertThat(carlNow.address()).as("never overwritten").isEqualTo("1 Quay Street");
    }
}
