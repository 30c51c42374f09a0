package app.pos.backoffice;

import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.customer.ConsentChannel;
import app.pos.customer.ConsentItem;
import app.pos.customer.ConsentSource;
import app.pos.customer.ConsentState;
import app.pos.customer.ConsentWording;
import app.pos.customer.ConsentWordings;
import app.pos.customer.Consents;
import app.pos.customer.CustomerService;
import app.pos.support.Customers;
import app.pos.support.PostgresIntegrationTest;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Consent in the back office over MockMvc: the profile's states, history and changes, and the wording page. */
@PostgresIntegrationTest
class ConsentBackOfficePostgresIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerService customers;

    @Autowired
    Consents consents;

    @Autowired
    ConsentWordings wordings;

    @Test
    void theProfileShowsEachChannelsStateAndTheHistoryNewestFirst() throws Exception {
        UUID id = Customers.withPhone(customers, uniqueName("Profile Consent")).id();
        consents.record(id, ConsentChannel.EMAIL, ConsentState.GRANTED, ConsentSource.TILL);
        consents.record(id, ConsentChannel.EMAIL, ConsentState.WITHDRAWN, ConsentSource.UNSUBSCRIBE_LINK);
        consents.record(id, ConsentChannel.LOYALTY, ConsentState.GRANTED, ConsentSource.IMPORT);

        Document profile = html(get("/admin/customers/" + id).with(manager()));

        assertThat(state(profile, "EMAIL")).isEqualTo("Withdrawn");
        assertThat(state(profile, "SMS")).isEqualTo("Not asked");
        assertThat(state(profile, "LOYALTY")).isEqualTo("Granted");
        assertThat(profile.selectFirst("#consents .consent[data-channel=EMAIL] .consent-recorded")
                        .text())
                .contains("by the unsubscribe link");
        assertThat(profile.select("#consent-history tbody tr"))
                .extracting(tr -> tr.attr("data-channel") + " " + tr.attr("data-state"))
                .containsExactly("LOYALTY GRANTED", "EMAIL WITHDRAWN", "EMAIL GRANTED");
        assertThat(profile.select("#consent-history tbody tr").get(0).text()).contains("from an imported file");
    }

    @Test
    void aManagerGrantsAndWithdrawsOnTheProfile() throws Exception {
        UUID id = Customers.withPhone(customers, uniqueName("Profile Consent")).id();
        Document before = html(get("/admin/customers/" + id).with(manager()));
        assertThat(before.select("#consent-history-empty")).hasSize(1);

        String grant = before.selectFirst("#consents .consent[data-channel=SMS] button.consent-grant")
                .attr("hx-post");
        assertThat(grant).isEqualTo("/admin/customers/" + id + "/consents/SMS?state=GRANTED");
        Document granted = html(post(grant).with(manager()).with(csrf()).header("HX-Request", "true"));

        assertThat(granted.selectFirst("section#consents")).isNotNull();
        assertThat(state(granted, "SMS")).isEqualTo("Granted");
        assertThat(granted.select("#consent-history tbody tr")).hasSize(1);
        ConsentItem recorded = consents.current(id).get(1);
        assertThat(recorded.source()).isEqualTo(ConsentSource.BACK_OFFICE);
        assertThat(recorded.recordedBy()).isEqualTo("manager");

        html(post(granted.selectFirst(".consent[data-channel=SMS] button.consent-withdraw")
                        .attr("hx-post"))
                .with(manager())
                .with(csrf())
                .header("HX-Request", "true"));
        assertThat(consents.current(id).get(1).state()).isEqualTo(ConsentState.WITHDRAWN);
    }

    @Test
    void theWordingPageShowsEachChannelsCurrentTextAndSavesANewVersion() throws Exception {
        Document page = html(get("/admin/consent-wordings").with(admin()));
        for (ConsentChannel channel : ConsentChannel.values()) {
            assertThat(page.selectFirst("#wording-text-" + channel).text())
                    .isEqualTo(wordings.current(channel).text());
        }

        ConsentWording before = wordings.current(ConsentChannel.EMAIL);
        String text = "May we send you our monthly letter? " + UUID.randomUUID();
        Document saved = html(post("/admin/consent-wordings/EMAIL")
                .param("text", text)
                .with(admin())
                .with(csrf())
                .header("HX-Request", "true"));

        assertThat(saved.selectFirst(".wording-saved")).isNotNull();
        assertThat(saved.select(".wording-versions li").first().attr("data-version"))
                .isEqualTo(String.valueOf(before.version() + 1));
        assertThat(wordings.current(ConsentChannel.EMAIL).text()).isEqualTo(text);
        assertThat(wordings.versions(ConsentChannel.EMAIL)).contains(before);
    }

    @Test
    void aBlankWordingIsRefusedNextToTheField() throws Exception {
        ConsentWording before = wordings.current(ConsentChannel.SMS);

        Document refused = html(post("/admin/consent-wordings/SMS")
                .param("text", "   ")
                .with(admin())
                .with(csrf())
                .header("HX-Request", "true"));

        Element box = refused.selectFirst("#wording-text-SMS");
        assertThat(box.attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.selectFirst("#wording-text-SMS-error").text()).isEqualTo("must not be blank");
        assertThat(wordings.current(ConsentChannel.SMS)).isEqualTo(before);
    }

    @Test
    void onlyAnAdminOpensTheWordingPage() throws Exception {
        mvc.perform(get("/admin/consent-wordings").with(manager())).andExpect(status().isForbidden());
    }

    private static String state(Document html, String channel) {
        Element row = html.selectFirst("#consents .consent[data-channel=" + channel + "]");
        assertThat(row).as(channel).isNotNull();
        return row.selectFirst(".consent-state").text();
    }

    private Document html(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }
}
