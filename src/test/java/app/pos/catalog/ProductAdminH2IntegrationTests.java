package app.pos.catalog;

import static app.pos.support.Api.postJson;
import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniqueName;
import static app.pos.support.Json.object;
import static app.pos.support.Json.raw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.order.OrderService;
import app.pos.support.DatabaseState;
import app.pos.support.H2IntegrationTest;
import app.pos.support.Json;
import app.pos.support.Products;
import java.text.Normalizer;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Menu administration on H2: the manager's product pages (list, add, edit, take off the menu, rename a category)
 * and the manager-only product API. The database is shared, so every product and category here has a unique
 * name and no test counts rows globally.
 */
@H2IntegrationTest
class ProductAdminH2IntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductService products;

    @Autowired
    OrderService orders;

    // --- helpers --------------------------------------------------------------------------------------------

    ProductView product(String name, String category, String price) {
        return Products.create(products, name, category, price);
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    MockHttpServletRequestBuilder productForm(String url, String name, String category, String price, String sku) {
        return post(url)
                .with(csrf())
                .param("name", name)
                .param("category", category)
                .param("price", price)
                .param("sku", sku);
    }

    List<ProductView> named(String name) {
        return products.all().stream().filter(p -> p.name().equals(name)).toList();
    }

    List<String> activeApiIds() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/products").with(cashier()))
                .andExpect(status().isOk())
                .andReturn();
        return Json.read(result, "$.items[*].id");
    }

    /** The price input, marked invalid and described by the error paragraph right after it (the field fragment). */
    static final Pattern PRICE_ERROR =
            Pattern.compile("<input id=\"f-price\" name=\"price\" value=\"[^\"]*\" type=\"text\""
                    + " aria-invalid=\"true\" aria-describedby=\"f-price-error\" class=\"invalid\">\\s*"
                    + "<p class=\"field-error\" id=\"f-price-error\" data-field=\"price\">[^<]+</p>");

    // --- the list -------------------------------------------------------------------------------------------

    @Test
    void aManagerSeesEveryProductGroupedByCategoryACashierIsForbidden() throws Exception {
        String category = uniqueName("Cat");
        ProductView soup = product(uniqueName("Soup"), category, "4.50");
        ProductView retired = product(uniqueName("Retired"), category, "1.00");
        products.setActive(retired.id(), false);

        String html = body(mvc.perform(get("/admin/products").with(manager()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn());
        assertThat(html)
                .contains("<h2>" + category + "</h2>")
                .contains("<a href=\"/admin/products/" + soup.id() + "\">" + soup.name() + "</a>")
                .contains("$4.50")
                .contains("<a href=\"/admin/products/" + retired.id() + "\">" + retired.name() + "</a>")
                .contains("(off the menu)")
                .contains("action=\"/admin/products/" + soup.id() + "/active\"");
        assertThat(html).containsPattern("<meta name=\"_csrf\" content=\"[^\"]+\">");

        mvc.perform(get("/admin/products").with(admin())).andExpect(status().isOk());
        mvc.perform(get("/admin/products").with(cashier())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/products/" + soup.id()).with(cashier())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/products"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aCashierCannotChangeTheMenuThroughThePages() throws Exception {
        ProductView p = product(uniqueName("Guarded"), uniqueName("Cat"), "2.00");
        DatabaseState before = DatabaseState.of(jdbc);
        String name = uniqueName("Sneaky");

        mvc.perform(productForm("/admin/products", name, "X", "1.00", "").with(cashier()))
                .andExpect(status().isForbidden());
        mvc.perform(productForm("/admin/products/" + p.id(), name, "X", "1.00", "")
                        .with(cashier()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/products/" + p.id() + "/active")
                        .with(csrf())
                        .with(cashier())
                        .param("active", "false"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/categories/rename")
                        .with(csrf())
                        .with(cashier())
                        .param("from", p.category())
                        .param("to", "Hacked"))
                .andExpect(status().isForbidden());

        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertThat(products.get(p.id())).isEqualTo(p);
        assertThat(named(name)).isEmpty();
    }

    @Test
    void aFormWithoutCsrfTokenIsRefused() throws Exception {
        DatabaseState before = DatabaseState.of(jdbc);
        String name = uniqueName("NoCsrf");
        mvc.perform(post("/admin/products")
                        .with(manager())
                        .param("name", name)
                        .param("category", "C")
                        .param("price", "1.00")
                        .param("sku", ""))
                .andExpect(status().isForbidden());
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertThat(named(name)).isEmpty();
    }

    // --- adding ---------------------------------------------------------------------------------------------

    @Test
    void anInvalidPriceRedisplaysTheFormWithTheErrorAtThePriceAndCreatesNothing() throws Exception {
        for (String price : List.of("abc", "-1", "1.234", "")) {
            String name = uniqueName("BadPrice");
            DatabaseState before = DatabaseState.of(jdbc);

            String html = body(mvc.perform(productForm("/admin/products", name, "Bad prices", price, "")
                            .with(manager()))
                    .andExpect(status().isOk())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                    .andReturn());

            assertThat(html)
                    .as("price '%s'", price)
                    .contains("data-field=\"price\"")
                    .containsPattern(PRICE_ERROR);
            assertThat(html)
                    .as("only the price is wrong")
                    .doesNotContain("data-field=\"name\"", "data-field=\"category\"", "data-field=\"sku\"");
            assertThat(html)
                    .as("what was typed is kept")
                    .contains("value=\"" + name + "\"")
                    .contains("value=\"Bad prices\"");
            assertThat(DatabaseState.of(jdbc)).as("price '%s'", price).isEqualTo(before);
            assertThat(named(name)).isEmpty();
        }
    }

    @Test
    void missingNameAndCategoryAreShownAtTheirFields() throws Exception {
        DatabaseState before = DatabaseState.of(jdbc);
        String html = body(
                mvc.perform(productForm("/admin/products", " ", "", "3.00", "").with(manager()))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(html)
                .contains("data-field=\"name\"", "data-field=\"category\"")
                .doesNotContain("data-field=\"price\"");
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void productNamesAreStoredComposedAndInvisibleOrBidiOverriddenNamesAreShownAtTheNameField() throws Exception {
        DatabaseState before = DatabaseState.of(jdbc);
        for (String name : List.of("\u200B\u200B", "\u202Eabc")) {
            assertThat(body(mvc.perform(productForm("/admin/products", name, "Bakery", "3.00", "")
                                    .with(manager()))
                            .andExpect(status().isOk())
                            .andReturn()))
                    .contains("data-field=\"name\"");
        }
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);

        String decomposed = uniqueName("Cre\u0300me brûle\u0301e");
        String composed = Normalizer.normalize(decomposed, Normalizer.Form.NFC);
        mvc.perform(productForm("/admin/products", decomposed, uniqueName("Sweets"), "4.00", "")
                        .with(manager()))
                .andExpect(status().isFound());
        assertThat(named(composed)).hasSize(1);

        // 200 characters of two UTF-16 units each fit, on H2 as on PostgreSQL
        String emoji = "\uD83C\uDF70".repeat(200);
        mvc.perform(productForm("/admin/products", emoji, uniqueName("Sweets"), "4.00", "")
                        .with(manager()))
                .andExpect(status().isFound());
        assertThat(named(emoji)).isNotEmpty();
    }

    @Test
    void aValidProductIsAddedAndTheManagerIsRedirectedToTheList() throws Exception {
        String name = uniqueName("Scone");
        String category = uniqueName("Bakery");
        String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);

        mvc.perform(productForm("/admin/products", "  " + name + "  ", category, " 3.5 ", sku)
                        .with(manager()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/products"))
                .andExpect(flash().attribute("message", "Added " + name + "."));

        assertThat(named(name)).singleElement().satisfies(p -> {
            assertThat(p.category()).isEqualTo(category);
            assertThat(p.price()).isEqualByComparingTo("3.50");
            assertThat(p.sku()).isEqualTo(sku);
            assertThat(p.active()).isTrue();
        });
        ProductView created = named(name).get(0);
        assertThat(activeApiIds()).contains(created.id().toString());
        assertThat(body(mvc.perform(get("/admin/products").with(manager())).andReturn()))
                .contains(">" + name + "</a>")
                .contains("$3.50");

        // The same SKU again is shown at the SKU field and creates nothing.
        DatabaseState before = DatabaseState.of(jdbc);
        String other = uniqueName("Other");
        String html = body(mvc.perform(productForm("/admin/products", other, category, "1.00", sku)
                        .with(manager()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(html).contains("data-field=\"sku\"").doesNotContain("data-field=\"price\"");
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertThat(named(other)).isEmpty();
    }

    // --- editing --------------------------------------------------------------------------------------------

    @Test
    void aManagerEditsAProductAndOldOrdersKeepTheNameTheyWereSoldUnder() throws Exception {
        ProductView p = product(uniqueName("Brownie"), uniqueName("Sweets"), "2.50");
        String orderId = placeOrderWith(p);

        String form = body(mvc.perform(get("/admin/products/" + p.id()).with(manager()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(form)
                .contains("action=\"/admin/products/" + p.id() + "\"")
                .contains("value=\"" + p.name() + "\"")
                .contains("value=\"2.50\"");

        String newName = uniqueName("Fudge Brownie");
        String newCategory = uniqueName("Desserts");
        mvc.perform(productForm("/admin/products/" + p.id(), newName, newCategory, "2.95", "")
                        .with(manager()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/products"))
                .andExpect(flash().attribute("message", "Saved " + newName + "."));

        ProductView edited = products.get(p.id());
        assertThat(edited.name()).isEqualTo(newName);
        assertThat(edited.category()).isEqualTo(newCategory);
        assertThat(edited.price()).isEqualByComparingTo("2.95");
        assertThat(edited.active()).isTrue();

        mvc.perform(get("/api/v1/orders/" + orderId).with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].name").value(p.name()))
                .andExpect(jsonPath("$.items[0].unitPrice").value(2.5));

        // An invalid price on the edit page: the error at the field, the product unchanged.
        String html = body(mvc.perform(productForm("/admin/products/" + p.id(), "Whatever", newCategory, "1.234", "")
                        .with(manager()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(html).containsPattern(PRICE_ERROR);
        assertThat(products.get(p.id())).isEqualTo(edited);
    }

    @Test
    void editingAnUnknownProductIs404() throws Exception {
        mvc.perform(get("/admin/products/" + UUID.randomUUID()).with(manager())).andExpect(status().isNotFound());
        mvc.perform(productForm("/admin/products/" + UUID.randomUUID(), uniqueName("Ghost"), "C", "1.00", "")
                        .with(manager()))
                .andExpect(status().isNotFound());
    }

    // --- taking a product off the menu ----------------------------------------------------------------------

    @Test
    void aDeactivatedProductLeavesTheTillAndTheApiButStaysOnEarlierOrders() throws Exception {
        ProductView p = product(uniqueName("Seasonal Pie"), uniqueName("Seasonal"), "6.00");
        String orderId = placeOrderWith(p);
        assertThat(activeApiIds()).contains(p.id().toString());
        assertThat(body(mvc.perform(get("/pos").with(cashier()))
                        .andExpect(status().isOk())
                        .andReturn()))
                .contains("/pos/cart/add/" + p.id())
                .contains(p.name());

        mvc.perform(post("/admin/products/" + p.id() + "/active")
                        .with(csrf())
                        .with(manager())
                        .param("active", "false"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/products"))
                .andExpect(flash().attribute("message", p.name() + " was taken off the menu."));

        assertThat(products.get(p.id()).active()).isFalse();
        assertThat(activeApiIds()).doesNotContain(p.id().toString());
        String till = body(mvc.perform(get("/pos").with(cashier()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(till)
                .doesNotContain("/pos/cart/add/" + p.id())
                .doesNotContain(p.name())
                .doesNotContain("data-category=\"" + p.category() + "\"");

        mvc.perform(get("/api/v1/orders/" + orderId).with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].productId").value(p.id().toString()))
                .andExpect(jsonPath("$.items[0].name").value(p.name()))
                .andExpect(jsonPath("$.items[0].lineTotal").value(12.0));
        assertThat(orders.get(UUID.fromString(orderId)).items())
                .extracting(i -> i.name())
                .containsExactly(p.name());

        // Still in the back office, marked, and it can be put back.
        assertThat(body(mvc.perform(get("/admin/products").with(manager())).andReturn()))
                .contains(">" + p.name() + "</a>");
        mvc.perform(post("/admin/products/" + p.id() + "/active")
                        .with(csrf())
                        .with(manager())
                        .param("active", "true"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("message", p.name() + " is on the menu again."));
        assertThat(activeApiIds()).contains(p.id().toString());
    }

    @Test
    void deactivatingAnUnknownProductIs404() throws Exception {
        mvc.perform(post("/admin/products/" + UUID.randomUUID() + "/active")
                        .with(csrf())
                        .with(manager())
                        .param("active", "false"))
                .andExpect(status().isNotFound());
    }

    // --- categories -----------------------------------------------------------------------------------------

    @Test
    void renamingACategoryMovesAllItsProducts() throws Exception {
        String from = uniqueName("Old Cat");
        String to = uniqueName("New Cat");
        String untouched = uniqueName("Other Cat");
        ProductView a = product(uniqueName("A"), from, "1.00");
        ProductView b = product(uniqueName("B"), from, "2.00");
        products.setActive(b.id(), false);
        ProductView c = product(uniqueName("C"), untouched, "3.00");

        mvc.perform(post("/admin/categories/rename")
                        .with(csrf())
                        .with(manager())
                        .param("from", from)
                        .param("to", "  " + to + " "))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/products"))
                .andExpect(
                        flash().attribute("message", "Renamed category '" + from + "' to '" + to + "' (2 products)."));

        assertThat(products.get(a.id()).category()).isEqualTo(to);
        assertThat(products.get(b.id()).category())
                .as("inactive products move too")
                .isEqualTo(to);
        assertThat(products.get(b.id()).active()).isFalse();
        assertThat(products.get(c.id()).category()).isEqualTo(untouched);
        assertThat(products.all()).noneMatch(p -> p.category().equals(from));

        String html = body(mvc.perform(get("/admin/products").with(manager())).andReturn());
        assertThat(html).contains("<h2>" + to + "</h2>").doesNotContain("<h2>" + from + "</h2>");
        mvc.perform(get("/api/v1/products").with(cashier()))
                .andExpect(jsonPath("$.items[?(@.id == '" + a.id() + "')].category")
                        .value(hasItem(to)));
    }

    @Test
    void aBlankNewCategoryNameIsRefusedAndChangesNothing() throws Exception {
        String from = uniqueName("Keep Cat");
        ProductView a = product(uniqueName("K"), from, "1.00");
        mvc.perform(post("/admin/categories/rename")
                        .with(csrf())
                        .with(manager())
                        .param("from", from)
                        .param("to", "  "))
                .andExpect(status().isBadRequest());
        assertThat(products.get(a.id()).category()).isEqualTo(from);
    }

    // --- the product API ------------------------------------------------------------------------------------

    @Test
    void aManagerUpdatesAProductThroughTheApiACashierIsForbidden() throws Exception {
        ProductView p = product(uniqueName("Api Tart"), uniqueName("Api Cat"), "3.00");
        String newName = uniqueName("Api Tart v2");

        mvc.perform(putJson("/api/v1/products/" + p.id(), object("name", "Hacked", "category", "X", "price", 0.01))
                        .with(cashier()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(products.get(p.id())).isEqualTo(p);

        mvc.perform(putJson(
                                "/api/v1/products/" + p.id(),
                                object("name", newName, "category", p.category(), "price", raw("3.25"), "sku", ""))
                        .with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(p.id().toString()))
                .andExpect(jsonPath("$.name").value(newName))
                .andExpect(jsonPath("$.price").value(3.25))
                .andExpect(jsonPath("$.active").value(true));
        assertThat(products.get(p.id()).name()).isEqualTo(newName);
        assertThat(products.get(p.id()).price()).isEqualByComparingTo("3.25");

        mvc.perform(putJson(
                                "/api/v1/products/" + p.id(),
                                object("name", newName, "category", p.category(), "price", raw("1.234")))
                        .with(manager()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("price")));
        mvc.perform(putJson(
                                "/api/v1/products/" + UUID.randomUUID(),
                                object("name", newName, "category", p.category(), "price", raw("1.00")))
                        .with(manager()))
                .andExpect(status().isNotFound());
        assertThat(products.get(p.id()).price()).isEqualByComparingTo("3.25");
    }

    @Test
    void theDeactivateEndpointTakesAProductOffTheMenuForManagersOnly() throws Exception {
        ProductView p = product(uniqueName("Api Pie"), uniqueName("Api Cat"), "5.00");

        mvc.perform(post("/api/v1/products/" + p.id() + "/deactivate").with(cashier()))
                .andExpect(status().isForbidden());
        assertThat(products.get(p.id()).active()).isTrue();

        mvc.perform(post("/api/v1/products/" + p.id() + "/deactivate").with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(p.id().toString()))
                .andExpect(jsonPath("$.active").value(false));
        assertThat(products.get(p.id()).active()).isFalse();
        assertThat(activeApiIds()).doesNotContain(p.id().toString());
        mvc.perform(get("/api/v1/products/" + p.id()).with(cashier()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));

        mvc.perform(post("/api/v1/products/" + p.id() + "/activate").with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(true));
        assertThat(activeApiIds()).contains(p.id().toString());

        mvc.perform(post("/api/v1/products/" + UUID.randomUUID() + "/deactivate")
                        .with(manager()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aDeactivatedProductCannotBeOrderedThroughTheApi() throws Exception {
        ProductView p = product(uniqueName("Gone"), uniqueName("Gone Cat"), "1.00");
        mvc.perform(post("/api/v1/products/" + p.id() + "/deactivate").with(manager()))
                .andExpect(status().isOk());
        DatabaseState before = DatabaseState.of(jdbc);
        mvc.perform(postJson("/api/v1/orders", orderBody(p)).with(cashier()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("items[0].productId"))
                .andExpect(jsonPath("$.errors[0].message").value("'" + p.name() + "' is no longer sold"));
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    static String orderBody(ProductView p) {
        return object(
                "items",
                raw("[" + object("productId", p.id().toString(), "quantity", 2) + "]"),
                "orderType",
                "TAKEAWAY",
                "paymentMethod",
                "CASH");
    }

    String placeOrderWith(ProductView p) throws Exception {
        MvcResult placed = mvc.perform(postJson("/api/v1/orders", orderBody(p)).with(cashier()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.items[0].name").value(p.name()))
                .andReturn();
        return Json.read(placed, "$.id");
    }
}
