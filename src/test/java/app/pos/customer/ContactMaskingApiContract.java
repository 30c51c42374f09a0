package app.pos.customer;

import static app.pos.support.Api.mergePatch;
import static app.pos.support.Api.postJson;
import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.e164;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniqueName;
import static app.pos.support.Fixtures.uniquePhone;
import static app.pos.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.order.OrderType;
import app.pos.shared.CustomerDetails;
import app.pos.support.Json;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Contact details only for those who need them, in the API: a CASHIER sees phone, email and address masked unless
 * the ADMIN's setting lets them see everything, cannot overwrite what they only see masked, and gets at most 10
 * search results. Run on PostgreSQL and H2 by the two subclasses.
 */
abstract class ContactMaskingApiContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    CustomerService customers;

    @Autowired
    ContactMasking masking;

    @Autowired
    ProductService products;

    @AfterEach
    void masksAgain() {
        masking.change(new PrivacySettings(false));
    }

    CustomerView ada() {
        return customers.create(new CustomerDetails(
                CustomerApiContract.unique("Ada Masked "), uniquePhone(), "ada@example.com", "12 Analytical Way"));
    }

    static String maskedPhone(CustomerView c) {
        return "•••-•••-" + c.phone().substring(c.phone().length() - 4);
    }

    @Test
    void aCashierSeesNameVisitsAndSpendButMaskedContactDetailsInEveryAnswer() throws Exception {
        CustomerView ada = ada();
        String last4 = ada.phone().substring(8);

        mvc.perform(get("/api/v1/customers/" + ada.id()).with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(ada.name()))
                .andExpect(jsonPath("$.phone").value(maskedPhone(ada)))
                .andExpect(jsonPath("$.email").value("a••@example.com"))
                .andExpect(jsonPath("$.address").value("•••"))
                .andExpect(jsonPath("$.visitCount").value(0))
                .andExpect(jsonPath("$.totalSpent").value(0.0));
        mvc.perform(get("/api/v1/customers")
                        .param("q", last4)
                        .param("limit", "50")
                        .with(cashier()))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.items[?(@.id == '" + ada.id() + "')].phone").value(maskedPhone(ada)))
                .andExpect(jsonPath(
                        "$.items[*].phone", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.startsWith("•••"))));
        mvc.perform(get("/api/v1/customers").param("q", ada.name()).with(cashier()))
                .andExpect(jsonPath("$.items[0].id").value(ada.id().toString()))
                .andExpect(jsonPath("$.items[0].email").value("a••@example.com"))
                .andExpect(jsonPath("$.items[0].address").value("•••"));
        mvc.perform(get("/api/v1/customers/lookup").param("phone", ada.phone()).with(cashier()))
                .andExpect(jsonPath("$.id").value(ada.id().toString()))
                .andExpect(jsonPath("$.phone").value(maskedPhone(ada)));
        String phone = uniquePhone();
        mvc.perform(postJson("/api/v1/customers", object("name", uniqueName("Bo"), "phone", phone, "email", "bo@x.org"))
                        .with(cashier()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.phone").value("•••-•••-" + phone.substring(phone.length() - 4)))
                .andExpect(jsonPath("$.email").value("b••@x.org"))
                .andExpect(jsonPath("$.address").doesNotExist());
    }

    @Test
    void aCashierSeesTheOrdersCustomerSnapshotMaskedButTheDeliveryAddress() throws Exception {
        CustomerView ada = ada();
        ProductView tea = Products.create(products, "Masked Tea", CustomerApiContract.unique("Masking "), "2.50");
        String body = Sales.of(tea, 1).forCustomer(ada).as(OrderType.DELIVERY).json();
        body = body.substring(0, body.length() - 1) + ",\"deliveryAddress\":\"9 Door Street\"}";
        String orderId = Json.read(
                mvc.perform(postJson("/api/v1/orders", body)
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .with(cashier()))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.customerName").value(ada.name()))
                        .andExpect(jsonPath("$.customerNumber").value(maskedPhone(ada)))
                        .andExpect(jsonPath("$.customerAddress").value("•••"))
                        .andExpect(jsonPath("$.deliveryAddress").value("9 Door Street"))
                        .andReturn(),
                "$.id");
        mvc.perform(get("/api/v1/orders/" + orderId).with(cashier()))
                .andExpect(jsonPath("$.customerNumber").value(maskedPhone(ada)))
                .andExpect(jsonPath("$.customerAddress").value("•••"));
        mvc.perform(get("/api/v1/customers/" + ada.id() + "/orders").with(cashier()))
                .andExpect(jsonPath("$.items[0].customerNumber").value(maskedPhone(ada)));
        mvc.perform(get("/api/v1/orders/" + orderId).with(manager()))
                .andExpect(jsonPath("$.customerNumber").value(ada.phone()))
                .andExpect(jsonPath("$.customerAddress").value("9 Door Street"));
    }

    @Test
    void managersAndAdminsSeeEverything() throws Exception {
        CustomerView ada = ada();
        for (RequestPostProcessor user : new RequestPostProcessor[] {manager(), admin()}) {
            mvc.perform(get("/api/v1/customers/" + ada.id()).with(user))
                    .andExpect(jsonPath("$.phone").value(ada.phone()))
                    .andExpect(jsonPath("$.email").value("ada@example.com"))
                    .andExpect(jsonPath("$.address").value("12 Analytical Way"));
            mvc.perform(get("/api/v1/customers").param("q", ada.name()).with(user))
                    .andExpect(jsonPath("$.items[0].phone").value(ada.phone()));
        }
    }

    @Test
    void theAdminsSettingLetsCashiersSeeFullContactDetails() throws Exception {
        CustomerView ada = ada();
        mvc.perform(get("/api/v1/privacy/settings").with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cashiersSeeContactDetails").value(false));
        mvc.perform(putJson("/api/v1/privacy/settings", object("cashiersSeeContactDetails", true))
                        .with(manager()))
                .andExpect(status().isForbidden());
        mvc.perform(putJson("/api/v1/privacy/settings", "{}").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cashiersSeeContactDetails"));

        mvc.perform(putJson("/api/v1/privacy/settings", object("cashiersSeeContactDetails", true))
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.cashiersSeeContactDetails").value(true));

        mvc.perform(get("/api/v1/customers/" + ada.id()).with(cashier()))
                .andExpect(jsonPath("$.phone").value(ada.phone()))
                .andExpect(jsonPath("$.email").value("ada@example.com"))
                .andExpect(jsonPath("$.address").value("12 Analytical Way"));

        mvc.perform(putJson("/api/v1/privacy/settings", object("cashiersSeeContactDetails", false))
                        .with(admin()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/" + ada.id()).with(cashier()))
                .andExpect(jsonPath("$.phone").value(maskedPhone(ada)));
    }

    @Test
    void aCashierWhoSendsTheMaskedValuesBackKeepsTheStoredOnes() throws Exception {
        CustomerView ada = ada();
        mvc.perform(putJson(
                                "/api/v1/customers/" + ada.id(),
                                object(
                                        "name",
                                        ada.name() + " B",
                                        "phone",
                                        maskedPhone(ada),
                                        "email",
                                        "a••@example.com",
                                        "address",
                                        "•••",
                                        "notes",
                                        "oat milk"))
                        .with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value(ada.name() + " B"))
                .andExpect(jsonPath("$.phone").value(maskedPhone(ada)));
        mvc.perform(mergePatch("/api/v1/customers/" + ada.id(), object("name", ada.name() + " C"))
                        .with(cashier()))
                .andExpect(status().isOk());

        CustomerView stored = customers.get(ada.id());
        assertThat(stored.name()).isEqualTo(ada.name() + " C");
        assertThat(stored.notes()).isEqualTo("oat milk");
        assertThat(stored.phone()).isEqualTo(ada.phone());
        assertThat(stored.email()).isEqualTo("ada@example.com");
        assertThat(stored.address()).isEqualTo("12 Analytical Way");
    }

    @Test
    void aCashierCannotChangeOrClearWhatTheyOnlySeeMasked() throws Exception {
        CustomerView ada = ada();
        mvc.perform(putJson(
                                "/api/v1/customers/" + ada.id(),
                                object(
                                        "name",
                                        ada.name(),
                                        "phone",
                                        maskedPhone(ada),
                                        "email",
                                        "mallory@example.com",
                                        "address",
                                        "•••"))
                        .with(cashier()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Contact details are masked"))
                .andExpect(jsonPath("$.fields[0]").value("email"));
        mvc.perform(putJson("/api/v1/customers/" + ada.id(), object("name", ada.name()))
                        .with(cashier()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.fields", hasSize(3)));
        mvc.perform(mergePatch("/api/v1/customers/" + ada.id(), object("address", null))
                        .with(cashier()))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.fields[0]").value("address"));
        String stolen = uniquePhone();
        mvc.perform(mergePatch("/api/v1/customers/" + ada.id(), object("phone", stolen))
                        .with(cashier()))
                .andExpect(status().isForbidden());

        CustomerView stored = customers.get(ada.id());
        assertThat(stored.phone()).isEqualTo(ada.phone()).isNotEqualTo(e164(stolen));
        assertThat(stored.email()).isEqualTo("ada@example.com");
        assertThat(stored.address()).isEqualTo("12 Analytical Way");

        mvc.perform(mergePatch("/api/v1/customers/" + ada.id(), object("email", "ada.new@example.com"))
                        .with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.email").value("ada.new@example.com"));
    }

    @Test
    void aCashiersSearchReturnsAtMostTenResultsWhateverTheLimit() throws Exception {
        String family = CustomerApiContract.unique("Tenfold");
        for (int i = 0; i < 12; i++) {
            customers.create(new CustomerDetails(family + " Member" + i, uniquePhone(), null, null));
        }
        mvc.perform(get("/api/v1/customers")
                        .param("q", family)
                        .param("limit", "50")
                        .with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(10)));
        mvc.perform(get("/api/v1/customers")
                        .param("q", family)
                        .param("limit", "3")
                        .with(cashier()))
                .andExpect(jsonPath("$.items", hasSize(3)));
        mvc.perform(get("/api/v1/customers")
                        .param("q", family)
                        .param("limit", "50")
                        .with(manager()))
                .andExpect(jsonPath("$.items", hasSize(12)));
        mvc.perform(get("/api/v1/customers")
                        .param("q", family)
                        .param("limit", "50")
                        .with(admin()))
                .andExpect(jsonPath("$.items", hasSize(12)));
    }
}
