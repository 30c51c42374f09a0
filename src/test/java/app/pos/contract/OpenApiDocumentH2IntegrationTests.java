package app.pos.contract;

import static app.pos.support.Fixtures.cashier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.support.H2IntegrationTest;
import app.pos.support.RequiresRedocly;
import app.pos.support.TestStaff;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document the app serves is the one committed in {@code docs/openapi.json}, from which the test
 * client is generated and which reviews see change in git. On a difference the served document is written to
 * {@code target/openapi.json}: review it and copy it over {@code docs/openapi.json}.
 */
@H2IntegrationTest
class OpenApiDocumentH2IntegrationTests {

    static final Path COMMITTED = Path.of("docs/openapi.json");

    @Autowired
    MockMvc mvc;

    final JsonMapper json = JsonMapper.builder().build();

    JsonNode served() throws Exception {
        return json.readTree(mvc.perform(get("/v3/api-docs").with(httpBasic("admin", TestStaff.ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        JsonNode served = served();
        Path written = Path.of("target/openapi.json");
        Files.writeString(written, json.writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n");
        assertThat(json.readTree(Files.readString(COMMITTED)))
                .as("docs/openapi.json is not what the app serves: review target/openapi.json and copy it over")
                .isEqualTo(served);
    }

    @Test
    @ExtendWith(RequiresRedocly.class)
    void redoclyFindsNoErrorInTheServedDocument() throws Exception {
        Path served = Path.of("target/openapi-served.json");
        Files.writeString(served, served().toString());
        Process lint = new ProcessBuilder(
                        RequiresRedocly.executable().toString(), "lint", "--format=stylish", served.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).as("redocly finished").isTrue();
        System.out.println("[redocly] "
                + output.lines()
                        .filter(l -> l.contains("valid") || l.contains("error") || l.contains("warning"))
                        .filter(l -> !l.contains("\u2551"))
                        .toList());
        assertThat(lint.exitValue())
                .as("redocly lint found errors:%n%s", output)
                .isZero();
    }

    @Test
    void apiClientsFetchTheDocumentWithHttpBasicAndAreNeverSentToTheLoginPage() throws Exception {
        mvc.perform(get("/v3/api-docs").with(httpBasic("admin", TestStaff.ADMIN_PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs").with(cashier())).andExpect(status().isOk());
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(header().string("WWW-Authenticate", "Basic realm=\"pos\""))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/v3/api-docs").with(httpBasic("admin", "wrong-password")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void theDocumentDeclaresHttpBasicNamesEveryOperationAndDescribesEveryErrorAsAProblem() throws Exception {
        JsonNode doc = served();
        assertThat(doc.at("/components/securitySchemes/basicAuth/scheme").asString())
                .isEqualTo("basic");
        assertThat(doc.at("/security/0").has("basicAuth")).isTrue();
        assertThat(doc.at("/info/title").asString()).isEqualTo("POS API");
        List<String> problems = new ArrayList<>();
        for (var path : doc.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                String where = operation.getKey().toUpperCase() + " " + path.getKey();
                String id = operation.getValue().path("operationId").asString("");
                if (!id.matches("[a-z]+[A-Za-z]*") || id.matches(".*_\\d+")) {
                    problems.add(where + " has operationId '" + id + "'");
                }
                for (var response : operation.getValue().get("responses").properties()) {
                    boolean error = response.getKey().startsWith("4")
                            || response.getKey().startsWith("5");
                    if (error
                            && !response.getValue()
                                    .at("/content/application~1problem+json/schema/$ref")
                                    .asString("")
                                    .equals("#/components/schemas/Problem")) {
                        problems.add(where + " " + response.getKey() + " is not a Problem");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(doc.at("/paths/~1api~1v1~1orders/post/responses/201/headers").has("Location"))
                .isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1orders/post/responses/200/headers").has("Idempotent-Replayed"))
                .isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1orders/post/responses/503/headers").has("Retry-After"))
                .isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1customers~1{id}/delete/responses").has("204"))
                .isTrue();
        assertThat(doc.at("/components/schemas/Problem/properties").has("existingCustomerId"))
                .isTrue();
        assertThat(doc.at("/components/schemas/OrderLine/properties").has("lineTotal"))
                .isTrue();
        assertThat(doc.at("/components/schemas/CustomerView/properties/phone/nullable")
                        .asBoolean())
                .isTrue();
        assertThat(doc.toString()).doesNotContain("\\\\p{");
    }
}
