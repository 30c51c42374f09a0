package app.pos.customer;

import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.support.Customers;
import app.pos.support.Fixtures;
import app.pos.support.PostgresIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The versioned consent wordings: staff read them, an ADMIN saves new versions, old ones stay as they were. */
@PostgresIntegrationTest
class ConsentWordingsPostgresIntegrationTests {

    private static final String WORDINGS = "/api/v1/privacy/consent-wordings";

    @Autowired
    MockMvc mvc;

    @Autowired
    ConsentWordings wordings;

    @Autowired
    Consents consents;

    @Autowired
    CustomerService customers;

    @Test
    void everyStaffUserReadsTheCurrentWordingOfEachChannel() throws Exception {
        mvc.perform(get(WORDINGS).with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(3))
                .andExpect(jsonPath("$.items[0].channel").value("EMAIL"))
                .andExpect(jsonPath("$.items[0].version").isNumber())
                .andExpect(jsonPath("$.items[0].text").isString())
                .andExpect(jsonPath("$.items[0].createdAt").isString());
    }

    @Test
    void theInstallationStartsWithVersionOneOfEachChannel() {
        for (ConsentChannel channel : ConsentChannel.values()) {
            java.util.List<ConsentWording> versions = wordings.versions(channel);
            ConsentWording first = versions.get(versions.size() - 1);
            assertThat(first.version()).isEqualTo(1);
            assertThat(first.text()).isNotBlank();
            assertThat(first.createdBy()).isNull();
        }
    }

    @Test
    void savingADifferentTextAddsAVersionAndKeepsTheOldOne() throws Exception {
        ConsentWording before = wordings.current(ConsentChannel.LOYALTY);
        String text = "Join our club and collect a stamp per coffee? " + UUID.randomUUID();

        mvc.perform(putJson(WORDINGS + "/LOYALTY", object("text", "  " + text + "  "))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("LOYALTY"))
                .andExpect(jsonPath("$.version").value(before.version() + 1))
                .andExpect(jsonPath("$.text").value(text))
                .andExpect(jsonPath("$.createdBy").value("admin"));

        assertThat(wordings.versions(ConsentChannel.LOYALTY))
                .extracting(ConsentWording::version)
                .startsWith(before.version() + 1, before.version());
        assertThat(wordings.versions(ConsentChannel.LOYALTY).get(1)).isEqualTo(before);

        UUID customer =
                Customers.withPhone(customers, Fixtures.uniqueName("Wording")).id();
        ConsentItem granted =
                consents.record(customer, ConsentChannel.LOYALTY, ConsentState.GRANTED, ConsentSource.TILL);
        assertThat(granted.wordingVersion()).as("the version shown").isEqualTo(before.version() + 1);
    }

    @Test
    void savingTheSameTextAddsNoVersion() throws Exception {
        ConsentWording current = wordings.current(ConsentChannel.SMS);

        mvc.perform(putJson(WORDINGS + "/SMS", object("text", current.text())).with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(current.version()));
    }

    @Test
    void aBlankOrTooLongTextOrAnUnknownChannelIsAProblem() throws Exception {
        mvc.perform(putJson(WORDINGS + "/EMAIL", object("text", "  ")).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(putJson(WORDINGS + "/EMAIL", object("text", "x".repeat(1001)))
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        mvc.perform(putJson(WORDINGS + "/FAX", object("text", "Fax you?")).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
    }

    @Test
    void onlyAnAdminChangesAWording() throws Exception {
        ConsentWording current = wordings.current(ConsentChannel.EMAIL);
        mvc.perform(putJson(WORDINGS + "/EMAIL", object("text", "A cashier's text"))
                        .with(cashier()))
                .andExpect(status().isForbidden());
        mvc.perform(putJson(WORDINGS + "/EMAIL", object("text", "A manager's text"))
                        .with(manager()))
                .andExpect(status().isForbidden());

        assertThat(wordings.current(ConsentChannel.EMAIL)).isEqualTo(current);
    }
}
