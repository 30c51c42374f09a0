package app.pos.backoffice;

import static app.pos.support.Fixtures.e164;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.customer.CustomerView;
import app.pos.order.OrderView;
import app.pos.support.DatabaseState;
import app.pos.support.Fixtures;
import app.pos.support.PostgresIntegrationTest;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The customer profile: name, statistics, twelve-month chart, in-place edit, order history and recompute.
 */
@PostgresIntegrationTest
class CustomerProfilePostgresIntegrationTests extends CustomerBackOfficeTest {

    @Value("${pos.time-zone:}")
    String configuredZone;

    static String money(BigDecimal amount) {
        return "$" + String.format(Locale.US, "%,.2f", amount);
    }

    ZoneId zone() {
        return configuredZone == null || configuredZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(configuredZone);
    }

    @Test
    void theProfileShowsTheProfileFieldsEscaped() throws Exception {
        CustomerView ada = customer("Ada " + tag(), uniquePhone(), null, null);
        String before = page("/admin/customers/" + ada.id());
        assertThat(before).contains("id=\"profile-birthday\">—<");
        mvc.perform(app.pos.support.Api.mergePatch(
                                "/api/v1/customers/" + ada.id(),
                                "{\"birthday\": \"--09-21\", \"anniversary\": \"2015-06-20\", "
                                        + "\"tags\": [\"VIP\", \"<b>oat</b>\"]}")
                        .with(manager()))
                .andExpect(status().isOk());
        assertThat(page("/admin/customers/" + ada.id()))
                .contains("id=\"profile-birthday\">--09-21<")
                .contains("id=\"profile-anniversary\">2015-06-20<")
                .contains("<li>&lt;b&gt;oat&lt;/b&gt;</li>", "<li>VIP</li>")
                .doesNotContain("<b>oat</b>");
    }

    @Test
    void theProfileShowsNameStatsAndATwelveMonthChart() throws Exception {
        String tag = tag();
        CustomerView ada = customer("Ada " + tag, uniquePhone(), "ada." + tag + "@example.com", "1 Loop Lane");
        order(ada.id(), latte, 2);
        order(ada.id(), muffin, 1);
        OrderView voided = order(ada.id(), latte, 5);
        orders.voidOrder(voided.id(), "manager");
        ada = customers.get(ada.id());
        assertThat(ada.visitCount()).isEqualTo(2);

        String html = page("/admin/customers/" + ada.id());
        assertThat(html)
                .contains("id=\"customer-title\">Ada " + tag + "<")
                .contains("id=\"stat-spent\">" + money(ada.totalSpent()) + "<")
                .contains("id=\"stat-visits\">2<");
        Matcher chart = Pattern.compile(
                        "<canvas[^>]*id=\"spend-chart\"[^>]*data-labels=\"([^\"]*)\"[^>]*data-values=\"([^\"]*)\"")
                .matcher(html);
        assertThat(chart.find())
                .as("the spend chart canvas with labels and values")
                .isTrue();
        List<String> labels = Arrays.asList(chart.group(1).split(","));
        List<String> values = Arrays.asList(chart.group(2).split(","));
        YearMonth now = YearMonth.now(zone());
        List<String> expectedLabels = new ArrayList<>();
        for (int i = 11; i >= 0; i--) {
            expectedLabels.add(now.minusMonths(i).toString());
        }
        assertThat(labels).containsExactlyElementsOf(expectedLabels);
        assertThat(values).hasSize(12);
        assertThat(new BigDecimal(values.get(11)))
                .as("this month: completed orders only")
                .isEqualByComparingTo(ada.totalSpent());
        assertThat(values.subList(0, 11))
                .allSatisfy(v -> assertThat(new BigDecimal(v)).isEqualByComparingTo("0"));

        mvc.perform(get("/admin/customers/" + UUID.randomUUID()).with(manager()))
                .andExpect(status().isNotFound());
    }

    @Test
    void editingContactDetailsInPlaceValidatesNormalizesAndRefusesATakenPhone() throws Exception {
        String tag = tag();
        String phone = uniquePhone();
        CustomerView ada = customer("Ada " + tag, phone, null, "1 Loop Lane");
        CustomerView other = customer("Other " + tag, uniquePhone(), null, null);

        DatabaseState before = DatabaseState.of(jdbc);
        String bad = body(mvc.perform(edit(ada.id(), "Ada Renamed " + tag, "12", "ada@example.com", "2 New Road"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(bad)
                .doesNotContain("<html")
                .contains("id=\"contact\"")
                .containsPattern(
                        "class=\"field-error\"[^>]*data-field=\"phone\"|data-field=\"phone\"[^>]*class=\"field-error\"")
                .contains("is not a valid phone number")
                .doesNotContain("id=\"contact-saved\"");
        assertThat(customers.get(ada.id())).isEqualTo(ada);
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);

        String taken =
                body(mvc.perform(edit(ada.id(), "Ada " + tag, other.phone().substring(2), null, null))
                        .andExpect(status().isOk())
                        .andReturn());
        assertThat(taken)
                .contains("already belongs to another customer")
                .contains("href=\"/admin/customers/" + other.id() + "\"")
                .doesNotContain("id=\"contact-saved\"");
        assertThat(customers.get(ada.id())).isEqualTo(ada);
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);

        String newPhone = uniquePhone();
        String digits = newPhone.replaceAll("[^0-9]", "");
        String typed = digits.substring(0, 3) + "." + digits.substring(3, 6) + "." + digits.substring(6);
        String saved = body(mvc.perform(
                        edit(ada.id(), "  Ada Saved " + tag + " ", typed, "ADA." + tag + "@Example.com", "2 New Road"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(saved)
                .doesNotContain("<html")
                .contains("id=\"contact-saved\"")
                .doesNotContain("field-error\"");
        CustomerView after = customers.get(ada.id());
        assertThat(after.name()).isEqualTo("Ada Saved " + tag);
        assertThat(after.phone()).isEqualTo(e164(newPhone));
        assertThat(after.email()).isEqualTo("ada." + tag + "@example.com");
        assertThat(after.address()).isEqualTo("2 New Road");
        assertThat(saved).as("the form shows the number as people read it").contains("value=\"" + newPhone + "\"");
        assertThat(customers.lookupByPhone(newPhone).id()).isEqualTo(ada.id());
    }

    @Test
    void aRenameUpdatesTheHeadingAndThePageTitleInPlace() throws Exception {
        String tag = tag();
        CustomerView ada = customer("Ada " + tag, uniquePhone(), null, null);

        String renamed = body(mvc.perform(edit(ada.id(), "Ada Byron " + tag, null, null, null))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(renamed)
                .doesNotContain("<html")
                .contains("id=\"contact-saved\"")
                .containsPattern("<h1 id=\"customer-title\" hx-swap-oob=\"true\">Ada Byron " + tag + "</h1>")
                .as("a root-level title, which htmx makes the page's title")
                .containsPattern("^\\s*<title>Ada Byron " + tag + " · POS</title>");

        String refused = body(mvc.perform(edit(ada.id(), "", null, null, null))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(refused)
                .as("nothing was renamed")
                .doesNotContain("hx-swap-oob")
                .doesNotContain("<title>")
                .contains("data-field=\"name\"");
    }

    MockHttpServletRequestBuilder edit(UUID id, String name, String phone, String email, String address) {
        MockHttpServletRequestBuilder request = post("/admin/customers/" + id)
                .with(manager())
                .with(csrf())
                .header("HX-Request", "true")
                .param("name", name);
        if (phone != null) {
            request.param("phone", phone);
        }
        if (email != null) {
            request.param("email", email);
        }
        if (address != null) {
            request.param("address", address);
        }
        return request;
    }

    static List<Long> orderNumbers(String html) {
        List<Long> numbers = new ArrayList<>();
        Matcher m = Pattern.compile("id=\"order-(\\d+)\"").matcher(html);
        while (m.find()) {
            numbers.add(Long.valueOf(m.group(1)));
        }
        return numbers;
    }

    @Test
    void theHistoryPagesTenOrdersAtATimeNewestFirst() throws Exception {
        CustomerView regular = customer("Regular " + tag(), uniquePhone(), null, null);
        List<Long> placed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            placed.add(order(regular.id(), i % 2 == 0 ? latte : muffin, 1).number());
        }
        List<Long> newestFirst = new ArrayList<>(placed);
        newestFirst.sort(Comparator.reverseOrder());

        String profile = page("/admin/customers/" + regular.id());
        assertThat(orderNumbers(profile)).containsExactlyElementsOf(newestFirst.subList(0, 10));
        assertThat(profile).contains("/admin/customers/" + regular.id() + "/orders?page=1");

        String second = body(mvc.perform(get("/admin/customers/" + regular.id() + "/orders")
                        .param("page", "1")
                        .header("HX-Request", "true")
                        .with(manager()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(second).doesNotContain("<html");
        assertThat(orderNumbers(second)).containsExactlyElementsOf(newestFirst.subList(10, 12));
        assertThat(second).doesNotContain("orders?page=2");
    }

    @Test
    void recomputeRepairsCorruptedStatsAndSaysWhetherTheyWereOff() throws Exception {
        CustomerView ada = customer("Recompute " + tag(), uniquePhone(), null, null);
        order(ada.id(), latte, 1);
        order(ada.id(), muffin, 3);
        OrderView voided = order(ada.id(), latte, 2);
        orders.voidOrder(voided.id(), "manager");
        Totals truth = totalsFromOrders(ada.id());
        assertStatsMatch(customers.get(ada.id()), truth);

        jdbc.sql("UPDATE customers SET total_spent = 999.99, visit_count = 42, last_visit_at = NULL WHERE id = :id")
                .param("id", ada.id())
                .update();

        String first = body(mvc.perform(post("/admin/customers/" + ada.id() + "/recompute")
                        .with(manager())
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(first)
                .contains("The stats were off and have been rebuilt from the orders.")
                .doesNotContain("nothing changed");
        assertStatsMatch(customers.get(ada.id()), truth);

        DatabaseState before = DatabaseState.of(jdbc);
        String second = body(mvc.perform(post("/admin/customers/" + ada.id() + "/recompute")
                        .with(manager())
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(second)
                .contains("The stats matched the orders; nothing changed.")
                .doesNotContain("were off");
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertStatsMatch(customers.get(ada.id()), truth);
    }

    @Test
    void theProfileShowsAndSavesTheCustomersNotesEscaped() throws Exception {
        CustomerView ada = customer("Noted " + tag(), uniquePhone(), null, null);
        String saved = body(mvc.perform(edit(ada.id(), ada.name(), ada.phone(), null, null)
                        .param("notes", "oat milk, <b>no</b> nuts\nsits by the window"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(customers.get(ada.id()).notes()).isEqualTo("oat milk, <b>no</b> nuts\nsits by the window");
        assertThat(saved).contains("oat milk, &lt;b&gt;no&lt;/b&gt; nuts").doesNotContain("<b>no</b>");
        assertThat(page("/admin/customers/" + ada.id()))
                .contains("<textarea id=\"f-notes\" name=\"notes\"")
                .contains("sits by the window");
    }

    @Test
    void pagesShowPhonesAsPeopleReadThemWhileTheApiKeepsE164() throws Exception {
        String tag = tag();
        CustomerView ada = customer("Ada " + tag, uniquePhone(), null, null);
        String london = String.format(
                "+44 20 7946 %04d",
                java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000));
        CustomerView bea = customer("Bea " + tag, london.replace(" ", ""), null, null);
        String national = Fixtures.national(ada.phone());
        assertThat(bea.phone()).isEqualTo(london.replace(" ", ""));

        assertThat(page("/admin/customers?q=" + tag))
                .as("the shop's region in its national format, another region in the international format")
                .contains(">" + national + "<")
                .contains(">" + london + "<")
                .doesNotContain(ada.phone(), bea.phone());
        assertThat(page("/admin/customers/" + ada.id()))
                .contains("value=\"" + national + "\"")
                .doesNotContain(ada.phone());
        assertThat(page("/admin/customers/" + bea.id())).contains("value=\"" + london + "\"");

        mvc.perform(get("/api/v1/customers/" + ada.id()).with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.phone").value(ada.phone()));
        mvc.perform(get("/api/v1/customers/" + bea.id()).with(manager()))
                .andExpect(jsonPath("$.phone").value(bea.phone()));

        body(mvc.perform(edit(ada.id(), ada.name(), national, null, null))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(customers.get(ada.id()).phone())
                .as("the form's national format saves back to the same number")
                .isEqualTo(ada.phone());
    }
}
