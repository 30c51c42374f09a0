package app.pos.backoffice;

import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.support.DatabaseState;
import app.pos.support.ImportFixtures;
import app.pos.support.PostgresIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** {@code POST /api/v1/customers/imports}: the import page's import for scripts. */
@PostgresIntegrationTest
class CustomerImportApiPostgresIntegrationTests extends CustomerBackOfficeTest {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    @Autowired
    ObjectMapper json;

    MockMultipartHttpServletRequestBuilder request(byte[] bytes) {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/customers/imports");
        request.file(new MockMultipartFile("file", "customers.csv", "text/csv", bytes));
        return request;
    }

    Map<String, Object> imported(MockMultipartHttpServletRequestBuilder request) throws Exception {
        MvcResult result =
                mvc.perform(request.with(manager())).andExpect(status().isOk()).andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        return json.readValue(body(result), MAP);
    }

    Map<String, Object> problem(MockMultipartHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(manager()))
                .andExpect(status().isBadRequest())
                .andReturn();
        assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
        return json.readValue(body(result), MAP);
    }

    @Test
    void aShopifyExportImportsOnceWithTheDocumentedBodyAndAgainCreatesNothing() throws Exception {
        String tag = tag();
        String file = ImportFixtures.own(ImportFixtures.SHOPIFY, tag);
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);

        Map<String, Object> first = imported(request(bytes));
        assertThat(first)
                .containsOnlyKeys("preset", "rows", "imported", "updated", "unchanged", "rejected")
                .containsEntry("preset", "shopify")
                .containsEntry("rows", 5)
                .containsEntry("imported", 4)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rejected = (List<Map<String, Object>>) first.get("rejected");
        assertThat(rejected).hasSize(1);
        assertThat(rejected.get(0))
                .containsOnlyKeys("row", "name", "reason")
                .containsEntry("row", 6)
                .containsEntry("reason", "name is required");
        assertThat(rejected.get(0).get("name")).isNull();
        String zoe = jdbc.sql("SELECT c.phone FROM customers c JOIN customer_external_ids x ON x.customer_id = c.id "
                        + "WHERE x.source = 'shopify' AND x.external_id = :id")
                .param("id", "7398802653251-" + tag)
                .query(String.class)
                .single();
        assertThat(zoe).as("the address's phone when Phone is empty").isEqualTo(ImportFixtures.phone(file, "0202"));
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM customer_marketing_consents m JOIN customer_external_ids x "
                                        + "ON x.customer_id = m.customer_id WHERE x.external_id LIKE :tag AND m.source = 'shopify'")
                        .param("tag", "%-" + tag)
                        .query(Long.class)
                        .single())
                .as("EMAIL and SMS for each of the four")
                .isEqualTo(8);

        DatabaseState before = DatabaseState.of(jdbc);
        Map<String, Object> again = imported(request(bytes));
        assertThat(again)
                .containsEntry("imported", 0)
                .containsEntry("updated", 0)
                .containsEntry("unchanged", 4);
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aDryRunWritesNothingAndSaysWhatImportingWouldDo() throws Exception {
        String tag = tag();
        byte[] bytes = ImportFixtures.own(ImportFixtures.SQUARE, tag).getBytes(StandardCharsets.UTF_8);
        DatabaseState before = DatabaseState.of(jdbc);
        Map<String, Object> dry = imported(request(bytes).param("dryRun", "true"));
        assertThat(dry)
                .containsEntry("preset", "square")
                .containsEntry("rows", 6)
                .containsEntry("imported", 5);
        assertThat(DatabaseState.of(jdbc)).as("a dry run writes nothing").isEqualTo(before);
        assertThat(imported(request(bytes).param("preset", "square"))).containsEntry("imported", 5);
        assertThat(imported(request(bytes).param("dryRun", "true")))
                .containsEntry("imported", 0)
                .containsEntry("unchanged", 5);
    }

    @Test
    void aGenericMappingJoinsColumnsAsTheJsonSays() throws Exception {
        String tag = tag();
        byte[] bytes = ("Vorname;Nachname;Strasse;Ort;Kunden-Nr\r\n" + "Anna;Schmidt " + tag + ";Hauptstr. 1;Berlin;K-"
                        + tag + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String mapping =
                "{\"name\":[\"Vorname\",\"Nachname\"],\"address\":[\"Strasse\",\"Ort\"],\"externalId\":[\"Kunden-Nr\"]}";
        Map<String, Object> result =
                imported(request(bytes).param("preset", "generic").param("mapping", mapping));
        assertThat(result).containsEntry("preset", "generic").containsEntry("imported", 1);
        assertThat(customers.search("Schmidt " + tag, 5).get(0).address()).isEqualTo("Hauptstr. 1, Berlin");
        assertThat(imported(request(bytes).param("preset", "generic").param("mapping", mapping)))
                .containsEntry("imported", 0);

        Map<String, Object> bad =
                problem(request(bytes).param("preset", "generic").param("mapping", "{\"name\":[\"Name\"]}"));
        assertThat(bad.get("errors").toString()).contains("field=mapping").contains("\"Name\"");
        assertThat(problem(request(bytes).param("preset", "generic").param("mapping", "not json"))
                        .get("errors")
                        .toString())
                .contains("field=mapping");
    }

    @Test
    void aFileThatIsNotCsvNotUtf8OrHasNoHeaderIsA400Problem() throws Exception {
        DatabaseState before = DatabaseState.of(jdbc);
        Map<String, Object> binary = problem(request(new byte[] {'P', 'K', 3, 4, 0, 0, 'x', 'y'}));
        assertThat(binary.get("errors"))
                .isEqualTo(List.of(Map.of(
                        "field",
                        "file",
                        "message",
                        "is not a CSV file (it holds binary data, or a quoted cell is never closed)")));
        assertThat(binary).containsEntry("status", 400).containsEntry("reason", "NOT_CSV");
        assertThat(problem(request("Name\nJos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1))))
                .containsEntry("reason", "NOT_UTF8");
        assertThat(problem(request("Ort,PLZ\nBerlin,10115\n".getBytes(StandardCharsets.UTF_8))))
                .containsEntry("reason", "NO_HEADER");
        assertThat(problem(request(ImportFixtures.raw(ImportFixtures.SHOPIFY).getBytes(StandardCharsets.UTF_8))
                        .param("preset", "square")))
                .containsEntry("reason", "NO_HEADER");
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aCashierIsRefusedAndAFileLargerThanTheApiBodyLimitIsAccepted() throws Exception {
        byte[] small = "Name\nNobody\n".getBytes(StandardCharsets.UTF_8);
        mvc.perform(request(small).param("dryRun", "true").with(cashier())).andExpect(status().isForbidden());

        StringBuilder big = new StringBuilder("Name,Notes\r\n");
        while (big.length() < 1_200_000) {
            big.append("Dry Run Customer,").append("x".repeat(200)).append("\r\n");
        }
        Map<String, Object> result = imported(
                request(big.toString().getBytes(StandardCharsets.UTF_8)).param("dryRun", "true"));
        assertThat((Integer) result.get("rows")).isGreaterThan(5_000);
    }
}
