package app.pos.customer;

import static app.pos.support.Api.mergePatch;
import static app.pos.support.Api.postJson;
import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.e164;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniquePhone;
import static app.pos.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.support.DatabaseState;
import app.pos.support.Json;
import app.pos.support.TestStaff;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The customer API contract, run against PostgreSQL and against H2 by the two subclasses. Tests share one
 * database per run, so each creates its own customers with unique phones and names and asserts on those.
 */
abstract class CustomerApiContract {

    private static final String ISO_WITH_OFFSET =
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String createCustomer(String name, String phone, String email, String address) throws Exception {
        MvcResult result = mvc.perform(postJson(
                                "/api/v1/customers",
                                object("name", name, "phone", phone, "email", email, "address", address))
                        .with(cashier()))
                .andExpect(status().isCreated())
                .andReturn();
        return Json.read(result, "$.id");
    }

    static String unique(String prefix) {
        StringBuilder sb = new StringBuilder(prefix);
        for (int i = 0; i < 6; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }

    @Test
    void createsACustomerWithNormalizedPhoneAndEmail() throws Exception {
        String phone = uniquePhone();
        mvc.perform(postJson(
                                "/api/v1/customers",
                                object(
                                        "name",
                                        "  Ada Lovelace ",
                                        "phone",
                                        phone,
                                        "email",
                                        "Ada@Example.COM",
                                        "address",
                                        "12 Analytical Row"))
                        .with(manager()))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", matchesPattern(".*/api/v1/customers/[0-9a-f-]{36}")))
                .andExpect(jsonPath("$.name").value("Ada Lovelace"))
                .andExpect(jsonPath("$.phone").value(e164(phone)))
                .andExpect(jsonPath("$.email").value("ada@example.com"))
                .andExpect(jsonPath("$.address").value("12 Analytical Row"))
                .andExpect(jsonPath("$.visitCount").value(0))
                .andExpect(content().string(containsString("\"totalSpent\":0.00")))
                .andExpect(jsonPath("$.lastVisitAt").doesNotExist())
                .andExpect(jsonPath("$.createdAt").value(matchesPattern(ISO_WITH_OFFSET)))
                .andExpect(jsonPath("$.updatedAt").value(matchesPattern(ISO_WITH_OFFSET)));
    }

    @Test
    void aPhoneAnotherCustomerHasIsAConflictNamingThatCustomerInAnyFormat() throws Exception {
        String phone = uniquePhone();
        String id = createCustomer("First Holder", phone, null, null);
        String digits = phone.replaceAll("[^0-9]", "");
        DatabaseState before = DatabaseState.of(jdbc);
        for (String sameNumber : List.of(
                phone,
                "+1 " + digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6),
                digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6))) {
            mvc.perform(postJson("/api/v1/customers", object("name", "Second Holder", "phone", sameNumber))
                            .with(cashier()))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.existingCustomerId").value(id))
                    .andExpect(jsonPath("$.detail").isNotEmpty());
        }
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void blankOptionalFieldsAreStoredAsAbsent() throws Exception {
        mvc.perform(postJson(
                                "/api/v1/customers",
                                object("name", "Blank Fields", "phone", "", "email", "", "address", "  "))
                        .with(cashier()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.phone").doesNotExist())
                .andExpect(jsonPath("$.email").doesNotExist())
                .andExpect(jsonPath("$.address").doesNotExist());
    }

    @Test
    void invalidFieldsAreListedOneByOneAndNothingIsWritten() throws Exception {
        DatabaseState before = DatabaseState.of(jdbc);
        mvc.perform(postJson("/api/v1/customers", object("name", "", "phone", "12", "email", "not-an-email"))
                        .with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItems("name", "phone", "email")))
                .andExpect(jsonPath("$.errors[?(@.field == 'phone')].message").isNotEmpty());
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void namesThatAreBlankTooLongOrHoldControlCharactersAreRefused() throws Exception {
        DatabaseState before = DatabaseState.of(jdbc);
        for (String name : List.of("   ", "x".repeat(201), "Bob\u0007", "Tab\tName", "Null\u0000Byte")) {
            mvc.perform(postJson("/api/v1/customers", object("name", name, "phone", uniquePhone()))
                            .with(cashier()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("name"));
        }
        mvc.perform(postJson("/api/v1/customers", object("name", "x".repeat(200)))
                        .with(cashier()))
                .andExpect(status().isCreated());
        assertThat(DatabaseState.of(jdbc)).isNotEqualTo(before);
    }

    @Test
    void namesAreStoredComposedCountedInCharactersAndMustBeVisibleAndReadAsWritten() throws Exception {
        DatabaseState before = DatabaseState.of(jdbc);
        for (String name : List.of("\u200B\u200B", "\u202Eabc", "\uD83D\uDE00".repeat(201))) {
            mvc.perform(postJson("/api/v1/customers", object("name", name)).with(cashier()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("name"))
                    .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
        }
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);

        String emoji = "\uD83D\uDE00".repeat(200);
        String id = createCustomer(emoji, null, null, null);
        mvc.perform(get("/api/v1/customers/" + id).with(cashier()))
                .andExpect(jsonPath("$.name").value(emoji));

        String decomposed = unique("Rene\u0301e ");
        String composed = Normalizer.normalize(decomposed, Normalizer.Form.NFC);
        assertThat(composed).isNotEqualTo(decomposed);
        String reneeId = createCustomer(decomposed, null, null, null);
        assertThat(jdbc.sql("SELECT name FROM customers WHERE id = :id")
                        .param("id", UUID.fromString(reneeId))
                        .query(String.class)
                        .single())
                .isEqualTo(composed);
    }

    @Test
    void readsUpdatesAndDeletesACustomer() throws Exception {
        String id = createCustomer("Grace Hopper", uniquePhone(), "grace@example.com", "Navy Yard");
        String otherPhone = uniquePhone();
        String otherId = createCustomer("Other Person", otherPhone, null, null);
        String newPhone = uniquePhone();

        mvc.perform(get("/api/v1/customers/" + id).with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Grace Hopper"));

        mvc.perform(putJson(
                                "/api/v1/customers/" + id,
                                object("name", "Grace B. Hopper", "phone", newPhone, "email", "GRACE@navy.mil"))
                        .with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Grace B. Hopper"))
                .andExpect(jsonPath("$.phone").value(e164(newPhone)))
                .andExpect(jsonPath("$.email").value("grace@navy.mil"))
                .andExpect(jsonPath("$.address").doesNotExist());

        mvc.perform(putJson("/api/v1/customers/" + id, object("name", "Grace", "phone", otherPhone))
                        .with(manager()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.existingCustomerId").value(otherId));

        mvc.perform(delete("/api/v1/customers/" + id).with(cashier()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(delete("/api/v1/customers/" + id).with(manager())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/customers/" + id).with(cashier())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/customers/" + id).with(manager())).andExpect(status().isNotFound());
    }

    @Test
    void putReplacesEveryDetailSoAMemberLeftOutIsCleared() throws Exception {
        String id = createCustomer("Replaced " + unique("r"), uniquePhone(), "replaced@example.com", "1 Old Road");
        mvc.perform(putJson("/api/v1/customers/" + id, object("name", "Noted", "notes", "oat milk,\nno nuts"))
                        .with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notes").value("oat milk,\nno nuts"))
                .andExpect(jsonPath("$.phone").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.email").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.address").value(org.hamcrest.Matchers.nullValue()));
        mvc.perform(putJson("/api/v1/customers/" + id, object("name", "Noted again"))
                        .with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notes").value(org.hamcrest.Matchers.nullValue()));
        mvc.perform(putJson("/api/v1/customers/" + id, object("name", "Noted", "notes", "x".repeat(1001)))
                        .with(manager()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("notes"));
    }

    @Test
    void aMergePatchChangesOnlyTheMembersItCarriesAndNullClearsOne() throws Exception {
        String phone = uniquePhone();
        String id = createCustomer("Patched " + unique("p"), phone, "patched@example.com", "2 Patch Lane");
        mvc.perform(mergePatch("/api/v1/customers/" + id, object("notes", "window seat", "address", null))
                        .with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notes").value("window seat"))
                .andExpect(jsonPath("$.address").value(org.hamcrest.Matchers.nullValue()))
                .andExpect(jsonPath("$.phone").value(e164(phone)))
                .andExpect(jsonPath("$.email").value("patched@example.com"));
        mvc.perform(mergePatch("/api/v1/customers/" + id, object("email", "NEW@Example.com"))
                        .with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("new@example.com"))
                .andExpect(jsonPath("$.notes").value("window seat"));
        mvc.perform(mergePatch("/api/v1/customers/" + id, "{}").with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value(e164(phone)));
    }

    @Test
    void aMergePatchIsValidatedAsACreateIsAndATakenPhoneIsAConflict() throws Exception {
        String id = createCustomer("Patch Checked " + unique("c"), uniquePhone(), null, null);
        String otherPhone = uniquePhone();
        String otherId = createCustomer("Patch Other", otherPhone, null, null);
        DatabaseState before = DatabaseState.of(jdbc);
        mvc.perform(mergePatch("/api/v1/customers/" + id, object("name", null)).with(manager()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(mergePatch("/api/v1/customers/" + id, object("email", "not-an-email", "phone", "12"))
                        .with(manager()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("email", "phone")));
        mvc.perform(mergePatch("/api/v1/customers/" + id, "{\"notes\": 5, \"totalSpent\": 0}")
                        .with(manager()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItems("notes", "totalSpent")));
        mvc.perform(mergePatch("/api/v1/customers/" + id, "[1]").with(manager()))
                .andExpect(status().isBadRequest());
        mvc.perform(mergePatch("/api/v1/customers/" + id, object("phone", otherPhone))
                        .with(manager()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.existingCustomerId").value(otherId));
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        mvc.perform(mergePatch("/api/v1/customers/" + UUID.randomUUID(), object("notes", "x"))
                        .with(manager()))
                .andExpect(status().isNotFound());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch("/api/v1/customers/" + id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(object("notes", "x"))
                        .with(manager()))
                .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void unknownOrMalformedIdsAreProblemsNotServerErrors() throws Exception {
        mvc.perform(get("/api/v1/customers/" + UUID.randomUUID()).with(cashier()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Customer not found"));
        mvc.perform(get("/api/v1/customers/not-a-uuid").with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(putJson("/api/v1/customers/" + UUID.randomUUID(), object("name", "Nobody"))
                        .with(cashier()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theLastFourDigitsFindTheCustomer() throws Exception {
        // a manager's search, since a cashier gets at most 10 of the suite's many matches of four digits
        String phone = uniquePhone();
        String id = createCustomer(unique("Digits "), phone, null, null);
        String lastFour = phone.substring(phone.length() - 4);
        mvc.perform(get("/api/v1/customers")
                        .param("q", lastFour)
                        .param("limit", "50")
                        .with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id", hasItems(id)));
        String middle = phone.replaceAll("[^0-9]", "").substring(2, 7);
        mvc.perform(get("/api/v1/customers")
                        .param("q", middle)
                        .param("limit", "50")
                        .with(manager()))
                .andExpect(jsonPath("$.items[*].id", hasItems(id)));
        mvc.perform(get("/api/v1/customers").param("q", phone).with(cashier()))
                .andExpect(jsonPath("$.items[0].id").value(id));
    }

    @Test
    void everyTypedWordMustStartAWordOfTheNameIgnoringCaseAndAccents() throws Exception {
        String tag = unique("Zq");
        String john = createCustomer("John Smith " + tag, null, null, null);
        String jose = createCustomer("José Álvarez " + tag, null, null, null);

        List<String> joSmi = ids("jo smi " + tag);
        assertThat(joSmi).contains(john).doesNotContain(jose);
        assertThat(ids("jose " + tag)).contains(jose).doesNotContain(john);
        assertThat(ids("JOSÉ " + tag)).contains(jose);
        assertThat(ids("alv " + tag.toUpperCase())).contains(jose);
        assertThat(ids("mith " + tag)).as("a word must match from its start").isEmpty();
    }

    @Test
    void anEmailPrefixFindsTheCustomer() throws Exception {
        String local = unique("mail");
        String id = createCustomer("Mail Person", null, local + "@example.com", null);
        assertThat(ids(local.substring(0, 7))).contains(id);
        assertThat(ids(local + "@exa")).contains(id);
    }

    @Test
    void aNameThatStartsWithTheQueryRanksBeforeAMiddleWordMatch() throws Exception {
        String tag = unique("Qorv");
        String middle = createCustomer("Anna " + tag, null, null, null);
        String start = createCustomer(tag + " Lee", null, null, null);
        assertThat(ids(tag)).containsExactly(start, middle);
    }

    @Test
    void prefixMatchesRankFirstAndNewestVisitorsLeadEachRankWhateverTheLimit() throws Exception {
        String tag = unique("Qrk");
        String prefixYesterday = createCustomer(tag + " Lee", null, null, null);
        String prefixNever = createCustomer(tag + " Moe", null, null, null);
        String longerPrefix3Days = createCustomer(tag + "son Ray", null, null, null);
        String email2Days = createCustomer("Zed Person", null, tag + "@example.com", null);
        String middleToday = createCustomer("Anna " + tag, null, null, null);
        String middleNever = createCustomer("Bob " + tag + "x", null, null, null);
        String middle5Days = createCustomer("Cy " + tag, null, null, null);
        visitedDaysAgo(prefixYesterday, 1);
        visitedDaysAgo(longerPrefix3Days, 3);
        visitedDaysAgo(email2Days, 2);
        visitedDaysAgo(middleToday, 0);
        visitedDaysAgo(middle5Days, 5);
        List<String> expected = List.of(
                prefixYesterday, email2Days, longerPrefix3Days, prefixNever, middleToday, middle5Days, middleNever);

        assertFindsInOrderWithEveryLimit(tag, expected);
    }

    @Test
    void phonesEndingWithTheDigitsRankFirstThenTheRestNewestVisitorFirst() throws Exception {
        String digits = String.valueOf(100_000_000 + ThreadLocalRandom.current().nextInt(900_000_000));
        String endsOld = insertWithDigits("99" + digits, 2);
        String endsNever = insertWithDigits("98" + digits, null);
        String middleToday = insertWithDigits("97" + digits + "1", 0);
        String startsYesterday = insertWithDigits(digits + "55", 1);
        List<String> expected = List.of(endsOld, endsNever, middleToday, startsYesterday);

        assertFindsInOrderWithEveryLimit(digits, expected);
    }

    /** Every limit gives the first results of the same order: each rank's query fills what the ones before left. */
    private void assertFindsInOrderWithEveryLimit(String query, List<String> expected) throws Exception {
        for (int limit = 1; limit <= expected.size() + 1; limit++) {
            MvcResult result = mvc.perform(get("/api/v1/customers")
                            .param("q", query)
                            .param("limit", "" + limit)
                            .with(cashier()))
                    .andExpect(status().isOk())
                    .andReturn();
            List<String> found = Json.read(result, "$.items[*].id");
            assertThat(found)
                    .as("limit %d", limit)
                    .containsExactlyElementsOf(expected.subList(0, Math.min(limit, expected.size())));
        }
    }

    /** A customer with exactly these phone digits, which the API would not accept as one region's number. */
    private String insertWithDigits(String phoneDigits, Integer visitedDaysAgo) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now();
        jdbc.sql("""
                INSERT INTO customers (id, name, phone, name_search, phone_digits, phone_digits_rev, total_spent,
                                       visit_count, last_visit_at, created_at, updated_at)
                VALUES (:id, 'Digits Person', :phone, ' digits person', :digits, :rev, 0, 0, :visit, :now, :now)""")
                .param("id", id)
                .param("phone", "+" + phoneDigits)
                .param("digits", phoneDigits)
                .param("rev", new StringBuilder(phoneDigits).reverse().toString())
                .param(
                        "visit",
                        visitedDaysAgo == null
                                ? null
                                : now.minusDays(visitedDaysAgo).minusMinutes(1),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("now", now)
                .update();
        return id.toString();
    }

    private void visitedDaysAgo(String id, int days) {
        jdbc.sql("UPDATE customers SET last_visit_at = :at WHERE id = :id")
                .param("at", OffsetDateTime.now().minusDays(days).minusMinutes(1))
                .param("id", UUID.fromString(id))
                .update();
    }

    @Test
    void searchResultsAreCappedAndTheQueryIsEchoed() throws Exception {
        mvc.perform(get("/api/v1/customers").param("q", "").param("limit", "3").with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(org.hamcrest.Matchers.lessThanOrEqualTo(3)));
        mvc.perform(get("/api/v1/customers").param("limit", "500").with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("limit"));
    }

    @Test
    void lookupFindsTheCustomerByPhoneInAnyFormat() throws Exception {
        String phone = uniquePhone();
        String id = createCustomer("Lookup Person", phone, null, null);
        String digits = phone.replaceAll("[^0-9]", "");
        mvc.perform(get("/api/v1/customers/lookup")
                        .param(
                                "phone",
                                digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6))
                        .with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/v1/customers/lookup")
                        .param("phone", "+1" + digits)
                        .with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        mvc.perform(get("/api/v1/customers/lookup")
                        .param("phone", uniquePhone())
                        .with(cashier()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/customers/lookup").param("phone", "abc").with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phone"));
    }

    @Test
    void withoutCredentialsTheApiAnswers401WithAProblemNotARedirect() throws Exception {
        mvc.perform(get("/api/v1/customers"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().doesNotExist("Location"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(get("/api/v1/customers").with(httpBasic("admin", "wrong-password")))
                .andExpect(status().isUnauthorized());
        mvc.perform(postJson("/api/v1/customers", object("name", "Anon"))).andExpect(status().isUnauthorized());
    }

    @Test
    void theFirstAdminCanUseTheApiWithHttpBasic() throws Exception {
        mvc.perform(get("/api/v1/customers").with(httpBasic("admin", TestStaff.ADMIN_PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void healthIsOpenAndTheApiDescriptionIsServedToStaff() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/v3/api-docs").with(cashier()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/customers/{id}")))
                .andExpect(content().string(containsString("/api/v1/orders")));
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
    }

    private List<String> ids(String query) throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/customers")
                        .param("q", query)
                        .param("limit", "50")
                        .with(cashier()))
                .andExpect(status().isOk())
                .andReturn();
        return Json.read(result, "$.items[*].id");
    }
}
