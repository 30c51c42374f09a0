package app.pos.customer;

import static app.pos.support.Api.mergePatch;
import static app.pos.support.Api.postJson;
import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniquePhone;
import static app.pos.support.Json.object;
import static app.pos.support.Json.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.shared.CustomerDetails;
import app.pos.support.DatabaseState;
import app.pos.support.Json;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The profile fields (birthday, anniversary, tags) through the customer API, the merge, the data export and the
 * erasure; run on PostgreSQL and H2 by the two subclasses.
 */
abstract class CustomerProfileFieldsContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerMerge merge;

    @Autowired
    CustomerDataExport export;

    @Autowired
    CustomerErasure erasure;

    private String create(Object... profile) throws Exception {
        Object[] body = new Object[profile.length + 4];
        body[0] = "name";
        body[1] = "Profiled " + CustomerApiContract.unique("p");
        body[2] = "phone";
        body[3] = uniquePhone();
        System.arraycopy(profile, 0, body, 4, profile.length);
        return Json.read(
                mvc.perform(postJson("/api/v1/customers", object(body)).with(cashier()))
                        .andExpect(status().isCreated())
                        .andReturn(),
                "$.id");
    }

    private static Json.Raw tags(String... tags) {
        // each tag quoted as Json.object quotes a value: {"t":"…"} without {"t": and }
        return raw(List.of(tags).stream()
                .map(t -> object("t", t))
                .map(member -> member.substring("{\"t\":".length(), member.length() - 1))
                .collect(Collectors.joining(",", "[", "]")));
    }

    @Test
    void createStoresTheProfileOnceWhateverTheCaseAndReadReturnsItSorted() throws Exception {
        String id = create(
                "birthday", "--09-21", "anniversary", "2015-06-20", "tags", tags("VIP", "coffee lover", "vip", "Nuts"));
        mvc.perform(get("/api/v1/customers/" + id).with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.birthday").value("--09-21"))
                .andExpect(jsonPath("$.anniversary").value("2015-06-20"))
                .andExpect(jsonPath("$.tags", contains("coffee lover", "Nuts", "VIP")));
        Map<String, Object> row = jdbc.sql("SELECT birth_month, birth_day, birth_year FROM customers WHERE id = :id")
                .param("id", UUID.fromString(id))
                .query()
                .singleRow();
        assertThat(row.values())
                .extracting(v -> v == null ? null : ((Number) v).intValue())
                .containsExactly(9, 21, null);
        assertThat(jdbc.sql("SELECT tag_key FROM customer_tags WHERE customer_id = :id ORDER BY tag_key")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .list())
                .containsExactly("coffee lover", "nuts", "vip");
    }

    @Test
    void aBirthdayWithTheYearAnd29FebruaryAreBirthdays() throws Exception {
        String withYear = create("birthday", "1990-09-21");
        mvc.perform(get("/api/v1/customers/" + withYear).with(cashier()))
                .andExpect(jsonPath("$.birthday").value("1990-09-21"))
                .andExpect(jsonPath("$.anniversary").value(nullValue()))
                .andExpect(jsonPath("$.tags", empty()));
        String leap = create("birthday", "--02-29");
        mvc.perform(get("/api/v1/customers/" + leap).with(cashier()))
                .andExpect(jsonPath("$.birthday").value("--02-29"));
    }

    @Test
    void putReplacesTheProfileSoAFieldLeftOutIsCleared() throws Exception {
        String id = create("birthday", "--09-21", "anniversary", "2015-06-20", "tags", tags("VIP"));
        mvc.perform(putJson(
                                "/api/v1/customers/" + id,
                                object("name", "Put Profile", "birthday", "1985-01-02", "tags", tags("Tea", "tea")))
                        .with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.birthday").value("1985-01-02"))
                .andExpect(jsonPath("$.anniversary").value(nullValue()))
                .andExpect(jsonPath("$.tags", contains("Tea")));
        mvc.perform(putJson("/api/v1/customers/" + id, object("name", "Put Profile"))
                        .with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.birthday").value(nullValue()))
                .andExpect(jsonPath("$.tags", empty()));
    }

    @Test
    void aPatchKeepsWhatItLeavesOutAndNullClears() throws Exception {
        String id = create("birthday", "--09-21", "anniversary", "2015-06-20", "tags", tags("VIP"));
        mvc.perform(mergePatch("/api/v1/customers/" + id, object("tags", tags("b", "A")))
                        .with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.birthday").value("--09-21"))
                .andExpect(jsonPath("$.anniversary").value("2015-06-20"))
                .andExpect(jsonPath("$.tags", contains("A", "b")));
        mvc.perform(mergePatch("/api/v1/customers/" + id, object("notes", "hi")).with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tags", contains("A", "b")))
                .andExpect(jsonPath("$.birthday").value("--09-21"));
        mvc.perform(mergePatch("/api/v1/customers/" + id, object("birthday", null, "tags", null))
                        .with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.birthday").value(nullValue()))
                .andExpect(jsonPath("$.anniversary").value("2015-06-20"))
                .andExpect(jsonPath("$.tags", empty()));
    }

    @ParameterizedTest
    @CsvSource({
        "birthday, '\"--02-30\"'",
        "birthday, '\"--13-01\"'",
        "birthday, '\"1990-02-30\"'",
        "birthday, '\"1990-02-29\"'",
        "birthday, '\"2999-01-01\"'",
        "birthday, '\"1899-12-31\"'",
        "birthday, '\"09-21\"'",
        "anniversary, '\"2015-02-30\"'",
        "anniversary, '\"2999-01-01\"'",
        "anniversary, '\"1899-12-31\"'",
        "anniversary, '\"--06-20\"'",
        "tags, '[\"   \"]'",
        "tags, '[\"a\\u0007b\"]'",
        "tags, '[\"12345678901234567890123456789012345678901\"]'",
    })
    void anInvalidProfileFieldIsAProblemNamingItAndNothingIsWritten(String field, String json) throws Exception {
        DatabaseState before = DatabaseState.of(jdbc);
        mvc.perform(postJson("/api/v1/customers", object("name", "Invalid Profile", field, raw(json)))
                        .with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", contains(field)));
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        String id = create();
        mvc.perform(mergePatch("/api/v1/customers/" + id, object(field, raw(json)))
                        .with(manager()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains(field)));
        mvc.perform(putJson("/api/v1/customers/" + id, object("name", "Invalid Profile", field, raw(json)))
                        .with(manager()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains(field)));
    }

    @Test
    void profileFieldsOfTheWrongJsonTypeAreBadRequestsNotServerErrors() throws Exception {
        mvc.perform(postJson("/api/v1/customers", object("name", "Wrong Type", "tags", "VIP"))
                        .with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        String id = create();
        mvc.perform(mergePatch("/api/v1/customers/" + id, object("tags", "VIP", "birthday", 921))
                        .with(manager()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("birthday", "tags")));
    }

    @Test
    void twentyTagsAreAllowedCountedOnceWhateverTheCaseButNotTwentyOne() throws Exception {
        String[] withCaseCopy = IntStream.range(0, 21)
                .mapToObj(i -> i == 20 ? "TAG0" : "tag" + i)
                .toArray(String[]::new);
        String id = create("tags", tags(withCaseCopy));
        mvc.perform(get("/api/v1/customers/" + id).with(cashier()))
                .andExpect(jsonPath("$.tags.length()").value(20));
        String[] twentyOne = IntStream.range(0, 21).mapToObj(i -> "tag" + i).toArray(String[]::new);
        mvc.perform(mergePatch("/api/v1/customers/" + id, object("tags", tags(twentyOne)))
                        .with(manager()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", contains("tags")));
    }

    @Test
    void aMergeJoinsTheTagsIgnoringCaseAndTakesTheRemovedBirthdayWhenTheSurvivorHasNone() throws Exception {
        String kept = create("tags", tags("VIP", "coffee"), "anniversary", "2010-01-01");
        String removed = create("birthday", "--05-04", "anniversary", "2011-02-02", "tags", tags("vip", "Tea"));
        CustomerView survivor = merge.merge(
                        new CustomerMerge.Command(
                                UUID.fromString(kept),
                                UUID.fromString(removed),
                                new CustomerDetails("Merged Profile", null, null, null, "")),
                        "manager")
                .survivor();
        assertThat(survivor.tags()).containsExactly("coffee", "Tea", "VIP");
        assertThat(survivor.birthday()).isEqualTo("--05-04");
        assertThat(survivor.anniversary()).hasToString("2010-01-01");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_tags WHERE customer_id = :id")
                        .param("id", UUID.fromString(removed))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theDataExportHoldsTheProfileAndAnErasureRemovesIt() throws Exception {
        String id = create("birthday", "1990-09-21", "anniversary", "2015-06-20", "tags", tags("VIP"));
        CustomerView exported = export.export(UUID.fromString(id), "manager").customer();
        assertThat(exported.birthday()).isEqualTo("1990-09-21");
        assertThat(exported.anniversary()).hasToString("2015-06-20");
        assertThat(exported.tags()).containsExactly("VIP");

        erasure.erase(UUID.fromString(id));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_tags WHERE customer_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customers WHERE id = :id")
                        .param("id", UUID.fromString(id))
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
