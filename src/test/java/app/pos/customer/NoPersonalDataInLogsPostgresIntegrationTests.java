package app.pos.customer;

import static app.pos.support.Api.postJson;
import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.e164;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.national;
import static app.pos.support.Fixtures.uniquePhone;
import static app.pos.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.support.Api;
import app.pos.support.ImportFixtures;
import app.pos.support.Json;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Products;
import app.pos.support.Sales;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * No personal data in the application log: the flows that handle a customer's name, phone, email and address,
 * the unhappy ones too (a taken phone, an invalid email, a rejected import row), run with the app's own logging at
 * DEBUG, and none of the distinctive values may appear in what was logged.
 */
@PostgresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsPostgresIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProductService products;

    @Autowired
    LoggingSystem logging;

    LogLevel before;

    @BeforeEach
    void debugTheApp() {
        var config = logging.getLoggerConfiguration("app.pos");
        before = config == null ? null : config.getConfiguredLevel();
        logging.setLogLevel("app.pos", LogLevel.DEBUG);
    }

    @AfterEach
    void levelAsItWas() {
        logging.setLogLevel("app.pos", before);
    }

    @Test
    void representativeFlowsLogNoNameNoPhoneNoEmailAndNoAddress(CapturedOutput output) throws Exception {
        String tag = CustomerApiContract.unique("").toLowerCase(Locale.ROOT);
        String name = "Zephyrine Quillfeather" + tag;
        String phone = uniquePhone();
        String email = "zephyrine." + tag + "@quill.example";
        String address = "77 Obscurity Lane " + tag;
        String twinName = "Zephyrina Quillfeathers" + tag;
        String twinPhone = uniquePhone();
        String importedName = "Xanthippe Orbwood" + tag;
        String importedPhone = uniquePhone();
        String importedEmail = "xanthippe." + tag + "@orb.example";
        String rejectedName = "Ignatius Rejectwell" + tag;
        ProductView coffee = Products.create(products, "Log Coffee", "Log " + tag, "3.00");

        // create, the unhappy ways too, then search, look up and read
        String id = Json.read(
                mvc.perform(postJson(
                                        "/api/v1/customers",
                                        object("name", name, "phone", phone, "email", email, "address", address))
                                .with(cashier()))
                        .andExpect(status().isCreated())
                        .andReturn(),
                "$.id");
        mvc.perform(postJson("/api/v1/customers", object("name", name, "phone", phone))
                        .with(cashier()))
                .andExpect(status().isConflict());
        mvc.perform(postJson("/api/v1/customers", object("name", name, "email", "not@" + email))
                        .with(cashier()))
                .andExpect(status().isBadRequest());
        mvc.perform(postJson("/api/v1/customers", object("name", name, "phone", "555-" + tag))
                        .with(cashier()))
                .andExpect(status().isBadRequest());
        for (String q : List.of(name, phone.substring(phone.length() - 4), email.substring(0, 12), name + " x")) {
            mvc.perform(get("/api/v1/customers").param("q", q).with(cashier())).andExpect(status().isOk());
        }
        mvc.perform(get("/api/v1/customers/lookup").param("phone", phone).with(cashier()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/lookup").param("phone", twinPhone).with(cashier()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admin/customers/" + id).with(manager())).andExpect(status().isOk());
        mvc.perform(get("/admin/customers").param("q", name).with(manager())).andExpect(status().isOk());
        mvc.perform(get("/admin/customers/export.csv").param("q", name).with(manager()))
                .andExpect(status().isOk());

        // orders: by API, and a delivery at the till
        mvc.perform(postJson(
                                "/api/v1/orders",
                                Sales.of(coffee, 1)
                                        .forCustomer(UUID.fromString(id))
                                        .json())
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .with(cashier()))
                .andExpect(status().isCreated());
        MockHttpSession till = new MockHttpSession();
        mvc.perform(get("/pos/customers")
                        .param("q", phone.substring(phone.length() - 4))
                        .session(till)
                        .with(cashier()))
                .andExpect(status().isOk());
        mvc.perform(post("/pos/customer/" + id).session(till).with(cashier()).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/pos/cart/add/" + coffee.id())
                        .session(till)
                        .with(cashier())
                        .with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/pos/checkout")
                        .session(till)
                        .with(cashier())
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("orderType", "DELIVERY")
                        .param("paymentMethod", "CARD")
                        .param("deliveryAddress", address)
                        .param("note", "ring " + name))
                .andExpect(status().isOk());

        // import: a Square export of the fixtures and a small file with a rejected row
        String square = ImportFixtures.own(ImportFixtures.SQUARE, tag);
        mvc.perform(multipart("/api/v1/customers/imports")
                        .file(new MockMultipartFile(
                                "file", "square.csv", "text/csv", square.getBytes(StandardCharsets.UTF_8)))
                        .with(manager()))
                .andExpect(status().isOk());
        String small = "name,phone,email\r\n" + importedName + "," + importedPhone + "," + importedEmail + "\r\n"
                + rejectedName + ",not a phone " + tag + ",\r\n";
        mvc.perform(multipart("/api/v1/customers/imports")
                        .file(new MockMultipartFile(
                                "file", "small.csv", "text/csv", small.getBytes(StandardCharsets.UTF_8)))
                        .with(manager()))
                .andExpect(status().isOk());

        // the imported customer records a consent, then asks to be erased (and a reason naming them is refused)
        String imported = Json.read(
                mvc.perform(get("/api/v1/customers/lookup")
                                .param("phone", importedPhone)
                                .with(manager()))
                        .andExpect(status().isOk())
                        .andReturn(),
                "$.id");
        mvc.perform(Api.putJson("/api/v1/customers/" + imported + "/consents/EMAIL", object("state", "GRANTED"))
                        .with(cashier()))
                .andExpect(status().isOk());
        mvc.perform(postJson("/api/v1/customers/" + imported + "/erasure", object("reason", "asked by " + importedName))
                        .with(admin()))
                .andExpect(status().isBadRequest());
        mvc.perform(postJson("/api/v1/customers/" + imported + "/erasure", object("reason", "asked at the counter"))
                        .with(admin()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/" + imported).with(manager())).andExpect(status().isGone());

        // merge a twin into them, then delete
        String twin = Json.read(
                mvc.perform(postJson("/api/v1/customers", object("name", twinName, "phone", twinPhone))
                                .with(cashier()))
                        .andReturn(),
                "$.id");
        mvc.perform(post("/admin/customers/merge")
                        .with(manager())
                        .with(csrf())
                        .param("a", id)
                        .param("b", twin)
                        .param("survivorId", id)
                        .param("name", name)
                        .param("phone", phone)
                        .param("email", email)
                        .param("address", address))
                .andExpect(status().is3xxRedirection());
        mvc.perform(delete("/api/v1/customers/" + id).with(manager())).andExpect(status().isNoContent());

        LoggerFactory.getLogger("app.pos.logcheck").debug("log check {}", tag);
        String log = output.getAll();
        assertThat(log).as("the capture sees the app's debug lines").contains("log check " + tag);

        List<String> personal = new ArrayList<>(List.of(
                name,
                "Quillfeather" + tag,
                twinName,
                importedName,
                rejectedName,
                e164(phone),
                e164(phone).substring(2),
                national(e164(phone)),
                e164(twinPhone),
                e164(importedPhone),
                email,
                importedEmail,
                tag + ".example.com",
                address));
        for (String value : personal) {
            assertThat(log).as("the log names no customer's details").doesNotContainIgnoringCase(value);
        }
    }
}
