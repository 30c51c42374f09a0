package app.pos.customer;

import static app.pos.support.Api.postJson;
import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.uniqueName;
import static app.pos.support.Fixtures.uniquePhone;
import static app.pos.support.Json.object;
import static app.pos.support.Json.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.audit.AuditAction;
import app.pos.audit.AuditEntry;
import app.pos.audit.AuditLog;
import app.pos.support.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The consent API contract, run against PostgreSQL and H2 by the two subclasses. */
abstract class ConsentApiContract {

    private static final String ISO_WITH_OFFSET =
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    ConsentWordings wordings;

    String createCustomer(String consents) throws Exception {
        String body = consents == null
                ? object("name", uniqueName("Consent"), "phone", uniquePhone())
                : object("name", uniqueName("Consent"), "phone", uniquePhone(), "consents", raw(consents));
        return Json.read(
                mvc.perform(postJson("/api/v1/customers", body).with(cashier()))
                        .andExpect(status().isCreated())
                        .andReturn(),
                "$.id");
    }

    String consents(String id) {
        return "/api/v1/customers/" + id + "/consents";
    }

    @Test
    void aNewCustomerHasEveryChannelNotAsked() throws Exception {
        String id = createCustomer(null);

        mvc.perform(get(consents(id)).with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[0].channel").value("EMAIL"))
                .andExpect(jsonPath("$.items[1].channel").value("SMS"))
                .andExpect(jsonPath("$.items[2].channel").value("LOYALTY"))
                .andExpect(jsonPath("$.items[0].state").value("NOT_ASKED"))
                .andExpect(jsonPath("$.items[0].source").value(nullValue()))
                .andExpect(jsonPath("$.items[0].wordingVersion").value(nullValue()))
                .andExpect(jsonPath("$.items[0].recordedAt").value(nullValue()))
                .andExpect(jsonPath("$.items[0].recordedBy").value(nullValue()));
        mvc.perform(get(consents(id) + "/history").with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void putRecordsTheDecisionWithTheWordingShownAndTheStaffUser() throws Exception {
        String id = createCustomer(null);
        int version = wordings.current(ConsentChannel.SMS).version();

        mvc.perform(putJson(consents(id) + "/SMS", object("state", "GRANTED", "source", "TILL"))
                        .with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("SMS"))
                .andExpect(jsonPath("$.state").value("GRANTED"))
                .andExpect(jsonPath("$.source").value("TILL"))
                .andExpect(jsonPath("$.wordingVersion").value(version))
                .andExpect(jsonPath("$.recordedAt").value(matchesPattern(ISO_WITH_OFFSET)))
                .andExpect(jsonPath("$.recordedBy").value("cashier"));

        mvc.perform(get(consents(id)).with(cashier()))
                .andExpect(jsonPath("$.items[1].state").value("GRANTED"))
                .andExpect(jsonPath("$.items[0].state").value("NOT_ASKED"))
                .andExpect(jsonPath("$.items[2].state").value("NOT_ASKED"));
    }

    @Test
    void theSourceDefaultsToApi() throws Exception {
        String id = createCustomer(null);

        mvc.perform(putJson(consents(id) + "/EMAIL", object("state", "WITHDRAWN"))
                        .with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("WITHDRAWN"))
                .andExpect(jsonPath("$.source").value("API"));
    }

    @Test
    void theHistoryIsAppendedToAndReadNewestFirst() throws Exception {
        String id = createCustomer(null);
        for (String state : List.of("GRANTED", "WITHDRAWN", "GRANTED")) {
            mvc.perform(putJson(consents(id) + "/EMAIL", object("state", state)).with(cashier()))
                    .andExpect(status().isOk());
        }
        mvc.perform(putJson(consents(id) + "/LOYALTY", object("state", "GRANTED"))
                        .with(cashier()))
                .andExpect(status().isOk());

        mvc.perform(get(consents(id) + "/history").with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(4))
                .andExpect(jsonPath("$.items[0].channel").value("LOYALTY"))
                .andExpect(jsonPath("$.items[1].channel").value("EMAIL"))
                .andExpect(jsonPath("$.items[1].state").value("GRANTED"))
                .andExpect(jsonPath("$.items[2].state").value("WITHDRAWN"))
                .andExpect(jsonPath("$.items[3].state").value("GRANTED"))
                .andExpect(jsonPath("$.items[3].recordedBy").value("cashier"));
    }

    @Test
    void recordingTheSameStateAgainChangesNothing() throws Exception {
        String id = createCustomer(null);
        String first = mvc.perform(putJson(consents(id) + "/EMAIL", object("state", "GRANTED", "source", "TILL"))
                        .with(cashier()))
                .andReturn()
                .getResponse()
                .getContentAsString();

        mvc.perform(putJson(consents(id) + "/EMAIL", object("state", "GRANTED", "source", "API"))
                        .with(cashier()))
                .andExpect(status().isOk())
                .andExpect(content().json(first));

        mvc.perform(get(consents(id) + "/history").with(cashier()))
                .andExpect(jsonPath("$.items.length()").value(1));
        assertThat(audit.about(UUID.fromString(id))).hasSize(1);
    }

    @Test
    void eachChangeWritesAnAuditEntryWithoutPersonalData() throws Exception {
        String id = createCustomer(null);
        mvc.perform(putJson(consents(id) + "/EMAIL", object("state", "GRANTED", "source", "TILL"))
                        .with(cashier()))
                .andExpect(status().isOk());
        mvc.perform(putJson(consents(id) + "/EMAIL", object("state", "WITHDRAWN", "source", "BACK_OFFICE"))
                        .with(cashier()))
                .andExpect(status().isOk());

        assertThat(audit.about(UUID.fromString(id)))
                .extracting(AuditEntry::action, AuditEntry::staff, AuditEntry::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                AuditAction.CONSENT_CHANGED, "cashier", "EMAIL GRANTED via TILL"),
                        org.assertj.core.groups.Tuple.tuple(
                                AuditAction.CONSENT_CHANGED, "cashier", "EMAIL WITHDRAWN via BACK_OFFICE"));
    }

    @Test
    void anUnknownChannelStateOrSourceIsAProblemNamingTheField() throws Exception {
        String id = createCustomer(null);

        mvc.perform(putJson(consents(id) + "/FAX", object("state", "GRANTED")).with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("channel"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("EMAIL, SMS, LOYALTY")));
        mvc.perform(putJson(consents(id) + "/EMAIL", object("state", "MAYBE")).with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        mvc.perform(putJson(consents(id) + "/EMAIL", object("state", "NOT_ASKED"))
                        .with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        mvc.perform(putJson(consents(id) + "/EMAIL", object("source", "API")).with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        mvc.perform(putJson(consents(id) + "/EMAIL", object("state", "GRANTED", "source", "PIGEON"))
                        .with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("source"));

        mvc.perform(get(consents(id) + "/history").with(cashier()))
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    void anUnknownCustomerIsNotFound() throws Exception {
        String nobody = UUID.randomUUID().toString();

        mvc.perform(get(consents(nobody)).with(cashier()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Customer not found"));
        mvc.perform(get(consents(nobody) + "/history").with(cashier())).andExpect(status().isNotFound());
        mvc.perform(putJson(consents(nobody) + "/EMAIL", object("state", "GRANTED"))
                        .with(cashier()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aCustomerCreatedWithConsentsHasThemRecordedWithSourceApi() throws Exception {
        String id = createCustomer("{\"EMAIL\":\"GRANTED\",\"SMS\":\"WITHDRAWN\"}");

        mvc.perform(get(consents(id)).with(cashier()))
                .andExpect(jsonPath("$.items[0].state").value("GRANTED"))
                .andExpect(jsonPath("$.items[0].source").value("API"))
                .andExpect(jsonPath("$.items[1].state").value("WITHDRAWN"))
                .andExpect(jsonPath("$.items[2].state").value("NOT_ASKED"));
        mvc.perform(get(consents(id) + "/history").with(cashier()))
                .andExpect(jsonPath("$.items.length()").value(2));
    }

    @Test
    void aBadConsentInTheCreateIsAProblemAndCreatesNoCustomer() throws Exception {
        String name = uniqueName("Consent Refused");
        for (String bad : List.of(
                "{\"FAX\":\"GRANTED\"}", "{\"EMAIL\":\"PERHAPS\"}", "{\"EMAIL\":\"NOT_ASKED\"}", "{\"SMS\":null}")) {
            mvc.perform(postJson(
                                    "/api/v1/customers",
                                    object("name", name, "phone", uniquePhone(), "consents", raw(bad)))
                            .with(cashier()))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(containsString("consents.")));
        }

        assertThat(jdbc.sql("SELECT COUNT(*) FROM customers WHERE name = :name")
                        .param("name", name)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theCreateStillValidatesTheContactDetailsByTheirOwnNames() throws Exception {
        mvc.perform(postJson("/api/v1/customers", object("name", "", "consents", raw("{\"EMAIL\":\"GRANTED\"}")))
                        .with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }
}
