package app.pos.backoffice;

import static app.pos.support.Fixtures.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.customer.CustomerView;
import app.pos.support.DatabaseState;
import app.pos.support.ImportFixtures;
import app.pos.support.PostgresIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/** The import page with Square's and Shopify's customer exports: recognised, mapped, and imported once. */
@PostgresIntegrationTest
class ImportPresetsPostgresIntegrationTests extends CustomerBackOfficeTest {

    /** The customer imported under {@code externalId} of {@code source}. */
    CustomerView imported(String source, String externalId) {
        return customers.get(jdbc.sql("SELECT customer_id FROM customer_external_ids "
                        + "WHERE source = :source AND external_id = :id")
                .param("source", source)
                .param("id", externalId)
                .query(java.util.UUID.class)
                .single());
    }

    /** The consent statuses stored for a customer under a source, by channel. */
    Map<String, String> consents(CustomerView customer, String source) {
        return jdbc
                .sql("SELECT channel, status FROM customer_marketing_consents "
                        + "WHERE customer_id = :customer AND source = :source")
                .param("customer", customer.id())
                .param("source", source)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void aSquareExportIsRecognisedMappedWithoutManualWorkAndImportedOnce() throws Exception {
        String tag = tag();
        String file = ImportFixtures.own(ImportFixtures.SQUARE, tag);
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);

        MockHttpSession session = new MockHttpSession();
        String uploaded = upload(session, bytes);
        Document page = Jsoup.parse(uploaded);
        assertThat(page.select("#import-preset").text()).contains("Square customer export");
        assertThat(page.select("#import-consents").text()).contains("Email Subscription Status");
        assertThat(page.select("#map-name option[selected]").eachText()).containsExactly("First Name", "Last Name");
        assertThat(page.select("#map-address option[selected]").eachText())
                .containsExactly("Street Address 1", "Street Address 2", "City", "State", "Postal Code");
        assertThat(page.select("#map-externalId option[selected]").eachText()).containsExactly("Square Customer ID");
        assertThat(page.select("#preview-region").attr("tabindex")).isEqualTo("0");
        assertThat(page.select("#preview-region").attr("aria-label")).isNotBlank();

        assertThat(checkAsGuessed(session, uploaded))
                .contains("id=\"valid-count\">5 rows can be imported<")
                .contains("id=\"rejected-count\">1 row is rejected<");
        MvcResult ran = run(session);
        assertThat(ran.getFlashMap().get("imported")).isEqualTo(5);

        CustomerView ada = imported("square", "ZQ4B7K1M9D2E5F8G3H6J0N1P2R-" + tag);
        assertThat(ada.name()).isEqualTo("Ada Lovelace");
        assertThat(ada.phone()).isEqualTo(ImportFixtures.phone(file, "0101"));
        assertThat(ada.email()).isEqualTo("ada.lovelace@" + tag + ".example.com");
        assertThat(ada.address()).isEqualTo("12 Marylebone Road, Apt 3, New York, NY, 10001");
        assertThat(ada.notes()).isEqualTo("Oat milk latte\nNo nuts, ever");
        assertThat(consents(ada, "square")).isEqualTo(Map.of("EMAIL", "subscribed"));
        assertThat(imported("square", "XK2M8P4Q6R1S3T5V7W9Y0A2B4C-" + tag).name())
                .isEqualTo("José Álvarez Núñez");
        CustomerView chen = imported("square", "WD3F5H7J9K1L3M5N7P9Q1R3S5T-" + tag);
        assertThat(chen.name()).isEqualTo("美玲 陈");
        assertThat(consents(chen, "square")).isEqualTo(Map.of("EMAIL", "unknown"));
        CustomerView bjorn = imported("square", "VB6N8M0L2K4J6H8G0F2D4S6A8Q-" + tag);
        assertThat(bjorn.phone()).isNull();
        assertThat(bjorn.email()).isNull();
        assertThat(bjorn.notes()).isEqualTo("Prefers a window seat");
        assertThat(consents(bjorn, "square")).isEmpty();

        assertThat(body(mvc.perform(get("/admin/customers/import/report.csv")
                                .session(session)
                                .with(manager()))
                        .andReturn()))
                .contains("name is required");

        DatabaseState before = DatabaseState.of(jdbc);
        MockHttpSession again = new MockHttpSession();
        assertThat(checkAsGuessed(again, upload(again, bytes)))
                .contains("id=\"valid-count\">0 rows can be imported<")
                .contains("5 already imported and unchanged");
        MvcResult second = run(again);
        assertThat(second.getFlashMap().get("imported")).isEqualTo(0);
        assertThat(second.getFlashMap().get("unchanged")).isEqualTo(5);
        assertThat(DatabaseState.of(jdbc))
                .as("the same export again changes nothing")
                .isEqualTo(before);
    }

    @Test
    void aReimportFillsBlanksAndRecordsAChangedConsentOfAKnownCustomer() throws Exception {
        String tag = tag();
        String file = ImportFixtures.own(ImportFixtures.SHOPIFY, tag);
        MockHttpSession first = new MockHttpSession();
        String uploaded = upload(first, file.getBytes(StandardCharsets.UTF_8));
        assertThat(Jsoup.parse(uploaded).select("#import-preset").text()).contains("Shopify customer export");
        checkAsGuessed(first, uploaded);
        assertThat(run(first).getFlashMap().get("imported")).isEqualTo(4);
        CustomerView lukasz = imported("shopify", "7398802653252-" + tag);
        assertThat(lukasz.email()).isNull();
        assertThat(consents(lukasz, "shopify")).isEqualTo(Map.of("EMAIL", "no", "SMS", "no"));

        // Łukasz gave his email and agreed to email marketing since
        String later = file.replace(
                "7398802653252-" + tag + ",Łukasz,Wróbel,,no,",
                "7398802653252-" + tag + ",Łukasz,Wróbel,l.w@" + tag + ".example.com,yes,");
        MockHttpSession second = new MockHttpSession();
        assertThat(checkAsGuessed(second, upload(second, later.getBytes(StandardCharsets.UTF_8))))
                .contains("0 new customers, 1 to complete");
        MvcResult ran = run(second);
        assertThat(ran.getFlashMap().get("imported")).isEqualTo(0);
        assertThat(ran.getFlashMap().get("updated")).isEqualTo(1);
        CustomerView now = customers.get(lukasz.id());
        assertThat(now.email()).isEqualTo("l.w@" + tag + ".example.com");
        assertThat(now.name()).isEqualTo("Łukasz Wróbel");
        assertThat(consents(now, "shopify")).isEqualTo(Map.of("EMAIL", "yes", "SMS", "no"));
    }

    @Test
    void aMergeKeepsTheRemovedRecordsConsentWhereTheKeptOneHasNone() throws Exception {
        String tag = tag();
        MockHttpSession session = new MockHttpSession();
        String uploaded =
                upload(session, ImportFixtures.own(ImportFixtures.SQUARE, tag).getBytes(StandardCharsets.UTF_8));
        checkAsGuessed(session, uploaded);
        run(session);
        CustomerView bjorn = imported("square", "VB6N8M0L2K4J6H8G0F2D4S6A8Q-" + tag);
        CustomerView ada = imported("square", "ZQ4B7K1M9D2E5F8G3H6J0N1P2R-" + tag);
        mvc.perform(post("/admin/customers/merge")
                        .with(manager())
                        .with(csrf())
                        .param("a", bjorn.id().toString())
                        .param("b", ada.id().toString())
                        .param("survivorId", bjorn.id().toString())
                        .param("name", bjorn.name())
                        .param("phone", ada.phone())
                        .param("email", ada.email())
                        .param("address", bjorn.address()))
                .andExpect(status().isFound());
        assertThat(consents(bjorn, "square")).isEqualTo(Map.of("EMAIL", "subscribed"));
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedOnThePageWithItsReason() throws Exception {
        byte[] latin1 = "Name,Phone\nJosé,\n".getBytes(StandardCharsets.ISO_8859_1);
        String page = upload(new MockHttpSession(), latin1);
        assertThat(Jsoup.parse(page).select("#upload-error").text()).contains("not UTF-8");
        assertThat(page).doesNotContain("id=\"mapping-form\"");
    }

    @Test
    void theSessionHoldsOnlyTheUploadIdAndExpiredUploadsAreRemoved() throws Exception {
        StringBuilder big = new StringBuilder("Name,Phone,Email\r\n");
        for (int i = 0; i < 50_000; i++) {
            big.append("Big Customer ").append(i).append(",,big").append(i).append("@example.com\r\n");
        }
        MockHttpSession session = new MockHttpSession();
        upload(session, big.toString().getBytes(StandardCharsets.UTF_8));
        long bytes = 0;
        for (String name : java.util.Collections.list(session.getAttributeNames())) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream o = new java.io.ObjectOutputStream(out)) {
                o.writeObject(session.getAttribute(name));
            }
            bytes += out.size();
        }
        assertThat(bytes)
                .as("serialized session attributes after a 50,000-row upload")
                .isLessThan(4_000);

        java.util.UUID id = jdbc.sql("SELECT id FROM import_uploads ORDER BY created_at DESC LIMIT 1")
                .query(java.util.UUID.class)
                .single();
        jdbc.sql("UPDATE import_uploads SET created_at = created_at - INTERVAL '13 hours' WHERE id = :id")
                .param("id", id)
                .update();
        assertThat(uploads.removeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM import_uploads WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @org.springframework.beans.factory.annotation.Autowired
    ImportUploads uploads;

    @Test
    void anImportedUploadKeepsItsReportButNotItsFile() throws Exception {
        String tag = tag();
        byte[] bytes = ("Name,Email\r\nKeep " + tag + ",k@" + tag + ".example.com\r\n,x@" + tag + ".example.com\r\n")
                .getBytes(StandardCharsets.UTF_8);
        MockHttpSession session = new MockHttpSession();
        checkAsGuessed(session, upload(session, bytes));
        run(session);
        List<Map<String, Object>> rows = jdbc.sql("SELECT content, report FROM import_uploads WHERE report LIKE :tag")
                .param("tag", "%x@" + tag + "%")
                .query()
                .listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("content")).isNull();
        String after =
                body(mvc.perform(get("/admin/customers/import").session(session).with(manager()))
                        .andReturn());
        assertThat(after).contains("id=\"valid-count\">1 row was imported<").contains("name is required");
    }
}
