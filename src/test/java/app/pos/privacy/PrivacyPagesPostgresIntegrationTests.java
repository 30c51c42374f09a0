package app.pos.privacy;

import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.customer.CustomerErasure;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.shared.CustomerDetails;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The pages: the profile's erase action and its confirmation (what goes, what stays, a reason without the person's
 * details), and the privacy page (policy, preview, runs, records of processing), both for an ADMIN only.
 */
@PostgresIntegrationTest
class PrivacyPagesPostgresIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CustomerService customers;

    @Autowired
    TestClock clock;

    @Autowired
    CustomerErasure erasure;

    @BeforeEach
    @AfterEach
    void defaults() {
        ErasureFixture.retentionAsNew(jdbc, erasure, clock);
    }

    @Test
    void theProfileOffersAnAdminTheErasureWhoseConfirmationSaysWhatGoesAndWhatStays() throws Exception {
        ErasureFixture zen = ErasureFixture.person();
        CustomerView customer =
                customers.create(new CustomerDetails(zen.name(), zen.phone(), zen.email(), zen.address()));
        String erase = "/admin/customers/" + customer.id() + "/erase";

        assertThat(page("/admin/customers/" + customer.id(), true)).contains("href=\"" + erase + "\"");
        assertThat(page("/admin/customers/" + customer.id(), false))
                .as("a manager is not offered it")
                .doesNotContain("href=\"" + erase + "\"");
        String confirmation = page(erase, true);
        assertThat(confirmation)
                .contains("Erase " + zen.name() + " for good?")
                .contains("Every order with its number, date, lines, totals, tax and payment method")
                .contains("the delivery address and the order note")
                .contains("action=\"" + erase + "\"")
                .doesNotContain("onclick", "<script>");
        mvc.perform(get(erase).with(manager())).andExpect(status().isForbidden());

        String refused = body(mvc.perform(post(erase)
                        .param("reason", "Asked by " + zen.last())
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(refused).contains("The reason must not hold the customer&#39;s name, phone number or e-mail");
        String blank =
                body(mvc.perform(post(erase).param("reason", " ").with(admin()).with(csrf()))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(blank).contains("Say why the customer is erased");
        assertThat(customers.find(customer.id())).isPresent();

        mvc.perform(post(erase)
                        .param("reason", "In-store request")
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/customers"))
                .andExpect(flash().attribute("message", "The customer was erased. They had no orders."));
        assertThat(customers.find(customer.id())).isEmpty();
        mvc.perform(get("/admin/customers/" + customer.id()).with(admin())).andExpect(status().isGone());
    }

    @Test
    void thePrivacyPageShowsAndChangesThePolicyPreviewsRunsAndSaysWhatIsKept() throws Exception {
        clock.set(Instant.parse("1902-01-01T10:00:00Z"));
        CustomerView old =
                customers.create(new CustomerDetails("Imogen Inactive" + ErasureFixture.tag(), null, null, null));
        clock.reset();

        String page = page("/admin/privacy", true);
        assertThat(page)
                .contains("Off: nobody is erased automatically.")
                .contains("Records of processing (Art. 30)")
                .contains("Bookkeeping and tax law")
                .contains("href=\"/admin/privacy\"");
        mvc.perform(get("/admin/privacy").with(manager())).andExpect(status().isForbidden());

        String invalid = body(mvc.perform(post("/admin/privacy/retention")
                        .param("enabled", "true")
                        .param("inactiveMonths", "0")
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(invalid).contains("Enter a whole number of months from 1 to 1200.");
        mvc.perform(post("/admin/privacy/retention")
                        .param("enabled", "true")
                        .param("inactiveMonths", "1200")
                        .with(admin())
                        .with(csrf()))
                .andExpect(redirectedUrl("/admin/privacy"))
                .andExpect(flash().attribute("message", "The retention policy was saved."));
        assertThat(page("/admin/privacy", true))
                .contains("On: customers inactive for 1200 months are erased daily.")
                .contains("I. I. •••")
                .doesNotContain(old.name());

        mvc.perform(post("/admin/privacy/retention/run").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/privacy"))
                .andExpect(flash().attribute("message", "The run erased one customer."));
        assertThat(customers.find(old.id())).isEmpty();
        assertThat(page("/admin/privacy", true)).contains("Last runs").contains("<td>1200</td>");
    }

    private String page(String url, boolean asAdmin) throws Exception {
        return body(mvc.perform(get(url).with(asAdmin ? admin() : manager()))
                .andExpect(status().isOk())
                .andReturn());
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
