package app.pos.backoffice;

import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.customer.CustomerView;
import app.pos.order.OrderView;
import app.pos.support.DatabaseState;
import app.pos.support.PostgresIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Deleting a customer from the profile: the confirmation says how many orders stay and that they are unlinked,
 * the delete keeps the orders with their snapshot, and the list then says so; a cashier may not.
 */
@PostgresIntegrationTest
class CustomerDeletePostgresIntegrationTests extends CustomerBackOfficeTest {

    @Test
    void theConfirmationSaysTheOrdersStayUnlinkedAndTheDeleteKeepsThemWithTheirSnapshot() throws Exception {
        String tag = tag();
        CustomerView ada = customer("Ada " + tag, uniquePhone(), null, "1 Loop Lane");
        OrderView first = order(ada.id(), latte, 2);
        OrderView voided = order(ada.id(), muffin, 1);
        orders.voidOrder(voided.id(), "manager");

        assertThat(page("/admin/customers/" + ada.id())).contains("href=\"/admin/customers/" + ada.id() + "/delete\"");
        String confirmation = page("/admin/customers/" + ada.id() + "/delete");
        assertThat(confirmation)
                .contains("Delete Ada " + tag + "?")
                .contains("Their 2 orders stay, with the name, phone and address they were sold under, but no longer"
                        + " linked to a customer.")
                .contains("action=\"/admin/customers/" + ada.id() + "/delete\"")
                .as("no inline script or handler: the confirmation is a page")
                .doesNotContain("onclick", "<script>");
        assertThat(customers.find(ada.id())).as("asking deletes nothing").isPresent();

        MockHttpSession session = new MockHttpSession();
        MvcResult deleted = mvc.perform(post("/admin/customers/" + ada.id() + "/delete")
                        .with(manager())
                        .with(csrf())
                        .session(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/customers"))
                .andExpect(flash().attribute(
                                "message",
                                "Ada " + tag
                                        + " was deleted. Their 2 orders were kept, no longer linked to a customer."))
                .andReturn();
        assertThat(customers.find(ada.id())).isEmpty();
        String list = body(mvc.perform(
                        get("/admin/customers").with(manager()).session(session).flashAttrs(deleted.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(list).contains("id=\"message\"").contains("Ada " + tag + " was deleted.");

        for (OrderView order : new OrderView[] {first, voided}) {
            Map<String, Object> row = jdbc.sql(
                            "SELECT customer_id, customer_name, customer_number, total FROM orders WHERE id = :id")
                    .param("id", order.id())
                    .query()
                    .singleRow();
            assertThat(row.get("customer_id")).as("unlinked").isNull();
            assertThat(row.get("customer_name")).isEqualTo("Ada " + tag);
            assertThat(row.get("customer_number")).isEqualTo(ada.phone());
            assertThat(new java.math.BigDecimal(row.get("total").toString())).isEqualByComparingTo(order.total());
        }
    }

    @Test
    void aCustomerWithoutOrdersIsToldSoAndAnUnknownOneIsNotFound() throws Exception {
        CustomerView bob = customer("Bob " + tag(), null, null, null);
        assertThat(page("/admin/customers/" + bob.id() + "/delete")).contains("They have no orders.");
        mvc.perform(post("/admin/customers/" + bob.id() + "/delete")
                        .with(manager())
                        .with(csrf()))
                .andExpect(flash().attribute("message", bob.name() + " was deleted. They had no orders."));

        DatabaseState before = DatabaseState.of(jdbc);
        mvc.perform(post("/admin/customers/" + bob.id() + "/delete")
                        .with(manager())
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/customers/" + UUID.randomUUID() + "/delete").with(manager()))
                .andExpect(status().isNotFound());
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aCashierMayNeitherAskNorDelete() throws Exception {
        CustomerView cy = customer("Cy " + tag(), uniquePhone(), null, null);
        mvc.perform(get("/admin/customers/" + cy.id() + "/delete").with(cashier()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/customers/" + cy.id() + "/delete")
                        .with(cashier())
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(customers.find(cy.id())).isPresent();
    }
}
