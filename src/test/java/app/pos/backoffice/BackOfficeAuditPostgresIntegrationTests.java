package app.pos.backoffice;

import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.audit.AuditAction;
import app.pos.audit.AuditEntry;
import app.pos.audit.AuditLog;
import app.pos.audit.AuditReads;
import app.pos.customer.CustomerView;
import app.pos.support.PostgresIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the back office records in the audit log: profile views, CSV exports and merges, without personal data. */
@PostgresIntegrationTest
class BackOfficeAuditPostgresIntegrationTests extends CustomerBackOfficeTest {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditReads reads;

    @Test
    void everyViewOfAProfileIsAnEntryNamingTheStaffUser() throws Exception {
        CustomerView ada = customer("Audit Viewed " + tag(), uniquePhone(), "viewed@example.com", null);

        mvc.perform(get("/admin/customers/" + ada.id()).with(manager())).andExpect(status().isOk());
        mvc.perform(get("/admin/customers/" + ada.id()).with(admin())).andExpect(status().isOk());
        mvc.perform(get("/admin/customers/" + ada.id() + "/orders?page=1").with(manager()))
                .andExpect(status().isOk());
        reads.flush();

        assertThat(audit.about(ada.id()))
                .as("two profile views; paging the history is the same view")
                .extracting(AuditEntry::action, AuditEntry::staff, AuditEntry::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AuditAction.PROFILE_VIEWED, "manager", null),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.PROFILE_VIEWED, "admin", null));
    }

    @Test
    void anExportIsAnEntryWithItsFilterAndRowCountButNotTheSearchedText() throws Exception {
        String tag = tag();
        customer("Exported Person " + tag, uniquePhone(), null, null);
        customer("Exported Other " + tag, uniquePhone(), null, null);
        String q = "Exported " + tag;
        long before = exports();

        mvc.perform(get("/admin/customers/export.csv")
                        .param("q", q)
                        .param("minVisits", "0")
                        .param("sort", "NAME")
                        .with(manager()))
                .andExpect(status().isOk());
        reads.flush();

        List<AuditEntry> exports = latestExports();
        assertThat(exports()).isEqualTo(before + 1);
        AuditEntry entry = exports.get(0);
        assertThat(entry.staff()).isEqualTo("manager");
        assertThat(entry.customerId()).isNull();
        assertThat(entry.detail())
                .isEqualTo("q=(" + q.length() + " chars), minVisits=0, sort=NAME, dir=asc, rows=2")
                .doesNotContain(tag);
    }

    @Test
    void aMergeIsAnEntryAboutTheKeptCustomerNamingTheRemovedOne() throws Exception {
        String tag = tag();
        CustomerView kept = customer("Merge Audit Keeper " + tag, uniquePhone(), null, null);
        CustomerView gone = customer("Merge Audit Gone " + tag, uniquePhone(), null, null);
        order(gone.id(), latte, 1);

        mvc.perform(post("/admin/customers/merge")
                        .with(manager())
                        .with(csrf())
                        .param("a", kept.id().toString())
                        .param("b", gone.id().toString())
                        .param("survivorId", kept.id().toString())
                        .param("name", kept.name())
                        .param("phone", kept.phone()))
                .andExpect(status().is3xxRedirection());

        assertThat(audit.about(kept.id()))
                .filteredOn(e -> e.action() == AuditAction.CUSTOMERS_MERGED)
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.staff()).isEqualTo("manager");
                    assertThat(e.detail()).isEqualTo("removed=" + gone.id() + ", ordersMoved=1");
                });
    }

    private long exports() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'CUSTOMERS_EXPORTED'")
                .query(Long.class)
                .single();
    }

    private List<AuditEntry> latestExports() {
        return jdbc.sql("SELECT staff, customer_id, detail FROM audit_log WHERE action = 'CUSTOMERS_EXPORTED' "
                        + "ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new AuditEntry(
                        null,
                        rs.getString("staff"),
                        AuditAction.CUSTOMERS_EXPORTED,
                        rs.getObject("customer_id", UUID.class),
                        rs.getString("detail")))
                .list();
    }
}
