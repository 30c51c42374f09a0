package app.pos.customer;

import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.shared.CustomerDetails;
import app.pos.support.PostgresIntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The API contract on PostgreSQL, and the till's pages, which mask by the same rule. */
@PostgresIntegrationTest
class ContactMaskingPostgresIntegrationTests extends ContactMaskingApiContract {

    @Test
    void theTillsCustomerPanelMasksForACashierWhileTheDeliveryFlowHasTheRealAddress() throws Exception {
        CustomerView ada = ada();
        String panel = pick(ada, cashier());
        String facts = between(panel, "<dl class=\"facts\">", "</dl>");
        assertThat(facts)
                .contains(maskedPhone(ada), "a••@example.com", "<dd>•••</dd>")
                .doesNotContain(
                        "ada@example.com", "12 Analytical Way", ada.phone().substring(2, 8));
        assertThat(panel).contains("<strong class=\"customer-name\">" + ada.name() + "</strong>");
        assertThat(textarea(panel, "delivery-address"))
                .as("the delivery flow shows the cashier the address")
                .isEqualTo("12 Analytical Way");

        String managers = between(pick(ada, manager()), "<dl class=\"facts\">", "</dl>");
        assertThat(managers)
                .contains("ada@example.com", "12 Analytical Way", app.pos.support.Fixtures.national(ada.phone()));
    }

    @Test
    void theAdminsCheckboxOnThePrivacyPageLetsCashiersSeeFullDetailsAtTheTill() throws Exception {
        CustomerView ada = ada();
        String page = mvc.perform(get("/admin/privacy/settings").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"cashiers-see-contact-details\"").doesNotContain("checked");

        mvc.perform(post("/admin/privacy/settings")
                        .param("cashiersSeeContactDetails", "true")
                        .with(admin())
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/admin/privacy/settings").with(admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("checked");
        assertThat(between(pick(ada, cashier()), "<dl class=\"facts\">", "</dl>"))
                .contains("ada@example.com", "12 Analytical Way", app.pos.support.Fixtures.national(ada.phone()));

        mvc.perform(post("/admin/privacy/settings").with(admin()).with(csrf())) // unticked: nothing sent
                .andExpect(status().is3xxRedirection());
        assertThat(masking.settings().cashiersSeeContactDetails()).isFalse();
        assertThat(between(pick(ada, cashier()), "<dl class=\"facts\">", "</dl>"))
                .contains(maskedPhone(ada))
                .doesNotContain("ada@example.com");
        mvc.perform(post("/admin/privacy/settings")
                        .param("cashiersSeeContactDetails", "true")
                        .with(manager())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(masking.settings().cashiersSeeContactDetails()).isFalse();
    }

    @Test
    void theTillsSearchRunsOnTheRealDigitsAndListsAtMostTen() throws Exception {
        String family = CustomerApiContract.unique("Tilltenfold");
        for (int i = 0; i < 12; i++) {
            customers.create(new CustomerDetails(family + " Member" + i, uniquePhone(), null, null));
        }
        String results = mvc.perform(get("/pos/customers").param("q", family).with(cashier()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int shown = results.split("class=\"result-name\"", -1).length - 1;
        assertThat(shown).isBetween(1, ContactMasking.CASHIER_SEARCH_LIMIT);

        CustomerView ada = ada();
        String byDigits = mvc.perform(get("/pos/customers")
                        .param("q", ada.phone().substring(8))
                        .with(cashier()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(byDigits).contains(ada.name()).doesNotContain(ada.phone().substring(2, 8));
    }

    private String pick(CustomerView customer, RequestPostProcessor user) throws Exception {
        MockHttpSession session = new MockHttpSession();
        return mvc.perform(post("/pos/customer/" + customer.id())
                        .session(session)
                        .with(user)
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String textarea(String html, String id) {
        Matcher m = Pattern.compile("<textarea id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)</textarea>")
                .matcher(html);
        assertThat(m.find()).as("textarea #" + id + " in:\n" + html).isTrue();
        return m.group(1);
    }

    private static String between(String html, String start, String end) {
        int from = html.indexOf(start);
        assertThat(from).as("'" + start + "' in:\n" + html).isGreaterThanOrEqualTo(0);
        return html.substring(from, html.indexOf(end, from) + end.length());
    }
}
