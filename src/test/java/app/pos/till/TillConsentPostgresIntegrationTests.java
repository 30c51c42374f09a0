package app.pos.till;

import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.uniqueName;
import static app.pos.support.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.customer.ConsentChannel;
import app.pos.customer.ConsentItem;
import app.pos.customer.ConsentSource;
import app.pos.customer.ConsentState;
import app.pos.customer.ConsentWordings;
import app.pos.customer.Consents;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.support.Customers;
import app.pos.support.PostgresIntegrationTest;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Consent at the till over MockMvc: the customer panel's grant and withdraw, and the new-customer form's boxes. */
@PostgresIntegrationTest
class TillConsentPostgresIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerService customers;

    @Autowired
    Consents consents;

    @Autowired
    ConsentWordings wordings;

    @Autowired
    JdbcClient jdbc;

    MockHttpSession session;

    @BeforeEach
    void newSession() {
        session = new MockHttpSession();
    }

    @Test
    void theCustomerPanelLoadsEachChannelsQuestionAndAnswer() throws Exception {
        CustomerView customer = Customers.withPhone(customers, uniqueName("Till Consent"));
        Document panel = html(hxPost("/pos/customer/" + customer.id()));
        assertThat(panel.select("#customer-consents[hx-get=/pos/customer/consents][hx-trigger=load]"))
                .hasSize(1);

        Document consentsShown =
                html(get("/pos/customer/consents").session(session).with(cashier()));

        assertThat(consentsShown.select(".consent")).hasSize(3);
        Element email = channel(consentsShown, "EMAIL");
        assertThat(email.selectFirst(".consent-wording").text())
                .isEqualTo(wordings.current(ConsentChannel.EMAIL).text());
        assertThat(email.selectFirst(".consent-state").text()).isEqualTo("Not asked");
        assertThat(email.select("button.consent-grant")).hasSize(1);
        assertThat(email.select("button.consent-withdraw")).hasSize(1);
    }

    @Test
    void theCashierGrantsAndWithdrawsWithOneButtonEach() throws Exception {
        CustomerView customer = Customers.withPhone(customers, uniqueName("Till Consent"));
        html(hxPost("/pos/customer/" + customer.id()));
        Document shown = html(get("/pos/customer/consents").session(session).with(cashier()));

        Document granted = html(
                hxPost(channel(shown, "SMS").selectFirst("button.consent-grant").attr("hx-post")));

        Element sms = channel(granted, "SMS");
        assertThat(sms.selectFirst(".consent-state").text()).isEqualTo("Granted");
        assertThat(sms.select("button.consent-grant")).isEmpty();
        ConsentItem recorded = consents.current(customer.id()).get(1);
        assertThat(recorded.state()).isEqualTo(ConsentState.GRANTED);
        assertThat(recorded.source()).isEqualTo(ConsentSource.TILL);
        assertThat(recorded.recordedBy()).isEqualTo("cashier");
        assertThat(recorded.wordingVersion())
                .isEqualTo(wordings.current(ConsentChannel.SMS).version());

        Document withdrawn =
                html(hxPost(sms.selectFirst("button.consent-withdraw").attr("hx-post")));

        assertThat(channel(withdrawn, "SMS").selectFirst(".consent-state").text())
                .isEqualTo("Withdrawn");
        assertThat(consents.history(customer.id()))
                .extracting(ConsentItem::state)
                .containsExactly(ConsentState.WITHDRAWN, ConsentState.GRANTED);
    }

    @Test
    void theNewCustomerFormAsksEachChannelAndRecordsTheTickedOnes() throws Exception {
        Document form = html(get("/pos/customers/new").session(session).with(cashier()));
        assertThat(form.select("input[type=checkbox][name=consent]"))
                .extracting(e -> e.attr("value"))
                .containsExactly("EMAIL", "SMS", "LOYALTY");
        assertThat(form.select(".consents-new").text())
                .contains(wordings.current(ConsentChannel.LOYALTY).text());

        String name = uniqueName("Till New Consent");
        mvc.perform(hxPost("/pos/customers")
                        .param("name", name)
                        .param("phone", uniquePhone())
                        .param("consent", "EMAIL")
                        .param("consent", "LOYALTY"))
                .andExpect(status().isOk());

        UUID id = idOf(name);
        assertThat(consents.current(id))
                .extracting(ConsentItem::state)
                .containsExactly(ConsentState.GRANTED, ConsentState.NOT_ASKED, ConsentState.GRANTED);
        assertThat(consents.current(id).get(0).source()).isEqualTo(ConsentSource.TILL);
        assertThat(consents.current(id).get(0).recordedBy()).isEqualTo("cashier");
    }

    @Test
    void aFormWithAnErrorKeepsTheTickedBoxesAndRecordsNothing() throws Exception {
        String name = uniqueName("Till Bad Phone");
        Document form = html(hxPost("/pos/customers")
                .param("name", name)
                .param("phone", "12")
                .param("consent", "SMS"));

        assertThat(form.select("input[name=consent][checked]"))
                .extracting(e -> e.attr("value"))
                .containsExactly("SMS");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customers WHERE name = :name")
                        .param("name", name)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private UUID idOf(String name) {
        return jdbc.sql("SELECT id FROM customers WHERE name = :name")
                .param("name", name)
                .query(UUID.class)
                .single();
    }

    private static Element channel(Document html, String channel) {
        Element found = html.selectFirst(".consent[data-channel=" + channel + "]");
        assertThat(found).as(channel).isNotNull();
        return found;
    }

    private MockHttpServletRequestBuilder hxPost(String url) {
        return post(url).session(session).with(cashier()).with(csrf()).header("HX-Request", "true");
    }

    private Document html(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
