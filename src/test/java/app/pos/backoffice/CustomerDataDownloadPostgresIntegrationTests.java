package app.pos.backoffice;

import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.audit.AuditAction;
import app.pos.audit.AuditEntry;
import app.pos.audit.AuditLog;
import app.pos.audit.AuditReads;
import app.pos.customer.CustomerView;
import app.pos.order.OrderView;
import app.pos.support.Json;
import app.pos.support.PostgresIntegrationTest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/** The profile's "Download data (JSON)" button and the download it leads to, for the page session. */
@PostgresIntegrationTest
class CustomerDataDownloadPostgresIntegrationTests extends CustomerBackOfficeTest {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditReads reads;

    @Test
    void theProfileOffersTheDownloadWhichIsTheCustomersDataExport() throws Exception {
        String tag = tag();
        CustomerView ada = customer("Ada " + tag, uniquePhone(), null, "1 Loop Lane");
        OrderView order = order(ada.id(), latte, 2);

        Element button = Jsoup.parse(page("/admin/customers/" + ada.id())).getElementById("data-export-link");
        assertThat(button).as("the download button").isNotNull();
        assertThat(button.text()).isEqualTo("Download data (JSON)");
        assertThat(button.hasAttr("download")).isTrue();
        String href = button.attr("href");
        assertThat(href).isEqualTo("/admin/customers/" + ada.id() + "/data-export");

        MvcResult download = mvc.perform(get(URI.create(href)).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"customer-" + ada.id() + ".json\""))
                .andReturn();

        assertThat((String) Json.read(download, "$.customer.name")).isEqualTo("Ada " + tag);
        assertThat((String) Json.read(download, "$.header.exportedBy")).isEqualTo("admin");
        assertThat((List<Integer>) Json.read(download, "$.orders[*].number")).containsExactly((int) order.number());
        assertThat((List<String>) Json.read(download, "$.orders[0].items[*].name"))
                .containsExactly("Latte");
        reads.flush();
        assertThat(audit.about(ada.id()))
                .extracting(AuditEntry::action, AuditEntry::staff)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditAction.PROFILE_VIEWED, "manager"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.DATA_EXPORTED, "admin"));
    }

    @Test
    void aCashierGetsTheForbiddenPageAndAnUnknownCustomerTheNotFoundPage() throws Exception {
        CustomerView bob = customer("Bob " + tag(), uniquePhone(), null, null);

        mvc.perform(get("/admin/customers/{id}/data-export", bob.id()).with(cashier()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/customers/{id}/data-export", UUID.randomUUID()).with(manager()))
                .andExpect(status().isNotFound());
        reads.flush();
        assertThat(audit.about(bob.id())).isEmpty();
    }
}
