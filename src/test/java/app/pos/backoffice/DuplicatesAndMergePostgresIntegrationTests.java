package app.pos.backoffice;

import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniquePhone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.customer.CustomerNotFound;
import app.pos.customer.CustomerView;
import app.pos.shared.CustomerDetails;
import app.pos.support.DatabaseState;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.Sales;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The duplicates page and the merge of two customers: orders moved, statistics rebuilt, the other record gone.
 */
@PostgresIntegrationTest
class DuplicatesAndMergePostgresIntegrationTests extends CustomerBackOfficeTest {

    MockHttpServletRequestBuilder mergeForm(UUID a, UUID b, UUID survivor, CustomerDetails values) {
        MockHttpServletRequestBuilder request = post("/admin/customers/merge")
                .with(manager())
                .with(csrf())
                .param("a", a.toString())
                .param("b", b.toString())
                .param("survivorId", survivor.toString());
        request.param("name", values.name());
        request.param("phone", values.phone() == null ? "" : values.phone());
        request.param("email", values.email() == null ? "" : values.email());
        request.param("address", values.address() == null ? "" : values.address());
        return request;
    }

    long mergeRecords(UUID mergedId) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_merges WHERE merged_id = :id")
                .param("id", mergedId)
                .query(Long.class)
                .single();
    }

    @Test
    void mergingMovesEveryOrderRebuildsStatsDeletesTheOtherRecordAndCannotRunTwice() throws Exception {
        String tag = tag();
        CustomerView a =
                customer("Merge Keeper " + tag, uniquePhone(), "keeper." + tag + "@example.com", "1 Keep Street");
        CustomerView b = customer("Merge Gone " + tag, uniquePhone(), "gone." + tag + "@example.com", "2 Gone Street");
        order(a.id(), latte, 1);
        order(a.id(), muffin, 2);
        orders.voidOrder(order(a.id(), latte, 3).id(), "manager");
        order(b.id(), latte, 2);
        orders.voidOrder(order(b.id(), muffin, 1).id(), "manager");
        order(b.id(), muffin, 4);
        order(b.id(), latte, 1);
        Totals ta = totalsFromOrders(a.id());
        Totals tb = totalsFromOrders(b.id());
        long ordersA = Sales.countOf(jdbc, a.id());
        long ordersB = Sales.countOf(jdbc, b.id());
        assertThat(ordersA).isEqualTo(3);
        assertThat(ordersB).isEqualTo(4);

        String form = page("/admin/customers/merge?a=" + a.id() + "&b=" + b.id());
        assertThat(form).contains("id=\"merge-form\"").contains(a.name()).contains(b.name());

        CustomerDetails chosen = new CustomerDetails(a.name(), a.phone(), b.email(), a.address());
        mvc.perform(mergeForm(a.id(), b.id(), a.id(), chosen))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/customers/" + a.id()))
                .andExpect(flash().attribute("message", containsString(ordersB + " orders moved")));

        assertThat(Sales.countOf(jdbc, a.id())).isEqualTo(ordersA + ordersB);
        assertThat(Sales.countOf(jdbc, b.id())).isZero();
        assertThatThrownBy(() -> customers.get(b.id())).isInstanceOf(CustomerNotFound.class);
        mvc.perform(get("/admin/customers/" + b.id()).with(manager())).andExpect(status().isNotFound());

        CustomerView merged = customers.get(a.id());
        assertThat(merged.name()).isEqualTo(a.name());
        assertThat(merged.phone()).isEqualTo(a.phone());
        assertThat(merged.email()).isEqualTo(b.email());
        assertThat(merged.address()).isEqualTo(a.address());
        assertThat(merged.totalSpent()).isEqualByComparingTo(ta.spent().add(tb.spent()));
        assertThat(merged.visitCount()).isEqualTo(ta.visits() + tb.visits()).isEqualTo(5);
        OffsetDateTime latest = ta.lastVisit().isAfter(tb.lastVisit()) ? ta.lastVisit() : tb.lastVisit();
        assertThat(merged.lastVisitAt().toInstant()).isEqualTo(latest.toInstant());
        assertStatsMatch(merged, totalsFromOrders(a.id()));

        Map<String, Object> record = jdbc.sql(
                        "SELECT survivor_id, merged_name, orders_moved, merged_by FROM customer_merges "
                                + "WHERE merged_id = :id")
                .param("id", b.id())
                .query()
                .singleRow();
        assertThat(record.get("survivor_id")).isEqualTo(a.id());
        assertThat(record.get("merged_name")).isEqualTo(b.name());
        assertThat(((Number) record.get("orders_moved")).longValue()).isEqualTo(ordersB);
        assertThat(record.get("merged_by")).isEqualTo("manager");

        DatabaseState before = DatabaseState.of(jdbc);
        CustomerView survivorBefore = customers.get(a.id());
        mvc.perform(mergeForm(a.id(), b.id(), a.id(), chosen))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/customers/duplicates"))
                .andExpect(flash().attribute("problem", containsString("already")));
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertThat(customers.get(a.id())).isEqualTo(survivorBefore);
        assertThat(mergeRecords(b.id())).isEqualTo(1);
    }

    /** The value of the checked radio button named {@code name} in the merge form. */
    static String checked(Document form, String name) {
        Elements radios = form.select("#merge-form input[type=radio][name=" + name + "][checked]");
        assertThat(radios).as("checked %s", name).hasSize(1);
        return radios.get(0).attr("value");
    }

    @Test
    void mergingANewDuplicateIntoTheRegularKeepsTheRegularsValuesAndNotesTheOthers() throws Exception {
        String tag = tag();
        CustomerView regular = customer("Regular " + tag, uniquePhone(), "regular." + tag + "@example.com", null);
        order(regular.id(), latte, 1);
        order(regular.id(), muffin, 1);
        CustomerView duplicate = customer("Reg " + tag, uniquePhone(), "reg." + tag + "@example.com", "3 New Street");

        jdbc.sql("INSERT INTO customer_external_ids (source, external_id, customer_id, created_at) "
                        + "VALUES ('csv:id', :ext, :customer, CURRENT_TIMESTAMP)")
                .param("ext", "dup-" + tag)
                .param("customer", duplicate.id())
                .update();
        // the new duplicate first, as the duplicates page or a search may well list it
        Document form = Jsoup.parse(page("/admin/customers/merge?a=" + duplicate.id() + "&b=" + regular.id()));
        assertThat(checked(form, "survivorId")).isEqualTo(regular.id().toString());
        assertThat(checked(form, "name")).isEqualTo(regular.name());
        assertThat(checked(form, "phone")).isEqualTo(regular.phone());
        assertThat(checked(form, "email")).isEqualTo(regular.email());
        assertThat(checked(form, "address")).as("the only address there is").isEqualTo("3 New Street");
        assertThat(form.select("#merge-notes").text())
                .contains("Merged from " + duplicate.name())
                .contains("phone " + duplicate.phone())
                .contains("email " + duplicate.email());

        mvc.perform(post("/admin/customers/merge")
                        .with(manager())
                        .with(csrf())
                        .param("a", duplicate.id().toString())
                        .param("b", regular.id().toString())
                        .param("survivorId", checked(form, "survivorId"))
                        .param("name", checked(form, "name"))
                        .param("phone", checked(form, "phone"))
                        .param("email", checked(form, "email"))
                        .param("address", checked(form, "address")))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/customers/" + regular.id()));

        CustomerView kept = customers.get(regular.id());
        assertThat(kept.name()).isEqualTo(regular.name());
        assertThat(kept.phone()).isEqualTo(regular.phone());
        assertThat(kept.email()).isEqualTo(regular.email());
        assertThat(kept.address()).isEqualTo("3 New Street");
        assertThat(kept.notes())
                .isEqualTo("Merged from " + duplicate.name() + ": phone " + duplicate.phone() + ", email "
                        + duplicate.email());
        assertThatThrownBy(() -> customers.get(duplicate.id())).isInstanceOf(CustomerNotFound.class);
        assertThat(jdbc.sql("SELECT customer_id FROM customer_external_ids WHERE external_id = :ext")
                        .param("ext", "dup-" + tag)
                        .query(UUID.class)
                        .single())
                .as("a re-import finds the kept record")
                .isEqualTo(regular.id());
        String last4 = regular.phone().substring(regular.phone().length() - 4);
        assertThat(ids(customers.search(last4, 10))).contains(regular.id());
        assertThat(page("/admin/customers/" + regular.id())).contains(duplicate.phone());
    }

    @Test
    void choosingTheOtherSurvivorProposesItsValues() throws Exception {
        String tag = tag();
        CustomerView regular = customer("Regular " + tag, uniquePhone(), null, "1 Old Road");
        order(regular.id(), latte, 1);
        CustomerView duplicate = customer("Reg " + tag, uniquePhone(), null, null);
        String fragment = body(mvc.perform(get("/admin/customers/merge")
                        .with(manager())
                        .header("HX-Request", "true")
                        .param("a", regular.id().toString())
                        .param("b", duplicate.id().toString())
                        .param("shown", regular.id().toString())
                        .param("survivorId", duplicate.id().toString())
                        .param("name", regular.name())
                        .param("phone", regular.phone())
                        .param("address", "1 Old Road"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(fragment).as("only the form").startsWith("<form").doesNotContain("<main");
        Document form = Jsoup.parse(fragment);
        assertThat(checked(form, "survivorId")).isEqualTo(duplicate.id().toString());
        assertThat(checked(form, "name")).isEqualTo(duplicate.name());
        assertThat(checked(form, "phone")).isEqualTo(duplicate.phone());
        assertThat(checked(form, "address")).isEqualTo("1 Old Road");
        assertThat(form.select("#merge-notes").text()).contains("phone " + regular.phone());
    }

    @Test
    void aMergeOfTwoThousandOrdersOnEachSideMovesThemAll() throws Exception {
        String tag = tag();
        CustomerView a = customer("Big Keeper " + tag, uniquePhone(), null, null);
        CustomerView b = customer("Big Gone " + tag, uniquePhone(), null, null);
        insertOrders(a, 2_000, OffsetDateTime.parse("2024-01-01T08:00:00Z"));
        insertOrders(b, 2_000, OffsetDateTime.parse("2024-02-01T08:00:00Z"));
        customers.recomputeStats(a.id());
        customers.recomputeStats(b.id());
        Totals ta = totalsFromOrders(a.id());
        Totals tb = totalsFromOrders(b.id());
        assertThat(ta.visits()).isEqualTo(1_800);

        long started = System.nanoTime();
        mvc.perform(mergeForm(a.id(), b.id(), a.id(), new CustomerDetails(a.name(), a.phone(), null, null)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/customers/" + a.id()));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).as("merging 4,000 orders").isLessThan(Duration.ofSeconds(15));

        assertThat(Sales.countOf(jdbc, a.id())).isEqualTo(4_000);
        assertThat(Sales.countOf(jdbc, b.id())).isZero();
        assertThatThrownBy(() -> customers.get(b.id())).isInstanceOf(CustomerNotFound.class);
        CustomerView merged = customers.get(a.id());
        assertThat(merged.totalSpent()).isEqualByComparingTo(ta.spent().add(tb.spent()));
        assertThat(merged.visitCount()).isEqualTo(3_600);
        assertThat(merged.lastVisitAt().toInstant()).isEqualTo(tb.lastVisit().toInstant());
        assertThat(jdbc.sql("SELECT orders_moved FROM customer_merges WHERE merged_id = :id")
                        .param("id", b.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2_000);
    }

    /** Inserts n orders (every tenth voided) for the customer in one statement. */
    void insertOrders(CustomerView customer, int n, OffsetDateTime from) {
        jdbc.sql("""
                INSERT INTO orders (id, number, customer_id, customer_name, customer_number, order_type, payment_method,
                                    status, subtotal, discount, tax, total, placed_in_pos, created_at, voided_at)
                SELECT gen_random_uuid(), nextval('order_number_seq'), :customer, :name, :phone, 'DINE_IN', 'CASH',
                       CASE WHEN g % 10 = 0 THEN 'VOIDED' ELSE 'COMPLETED' END,
                       (g % 50) + 1.25, 0, 0, (g % 50) + 1.25, TRUE,
                       CAST(:from AS TIMESTAMP WITH TIME ZONE) + g * INTERVAL '1 minute',
                       CASE WHEN g % 10 = 0 THEN CAST(:from AS TIMESTAMP WITH TIME ZONE) + g * INTERVAL '1 minute' END
                FROM generate_series(1, :n) AS g
                """)
                .param("customer", customer.id())
                .param("name", customer.name())
                .param("phone", customer.phone())
                .param("from", from)
                .param("n", n)
                .update();
    }

    @Test
    void aCustomerCannotBeMergedWithThemselves() throws Exception {
        CustomerView a = customer("Self " + tag(), uniquePhone(), null, null);
        order(a.id(), latte, 1);
        CustomerView stored = customers.get(a.id());
        DatabaseState before = DatabaseState.of(jdbc);
        mvc.perform(mergeForm(a.id(), a.id(), a.id(), new CustomerDetails(a.name(), a.phone(), null, null)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/customers/duplicates"))
                .andExpect(flash().attribute("problem", containsString("different")));
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertThat(customers.get(a.id())).isEqualTo(stored);
        assertThat(Sales.countOf(jdbc, a.id())).isEqualTo(1);
        assertThat(mergeRecords(a.id())).isZero();
    }

    /** The duplicate-group section that lists this customer. */
    static String groupOf(String html, UUID id) {
        Matcher m = Pattern.compile("<section class=\"block duplicate-group\">.*?</section>", Pattern.DOTALL)
                .matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            if (m.group().contains("/admin/customers/" + id + "\"")) {
                found.add(m.group());
            }
        }
        assertThat(found).as("duplicate groups listing %s", id).hasSize(1);
        return found.get(0);
    }

    static Set<UUID> customersIn(String section) {
        return new HashSet<>(customerLinks(section));
    }

    @Test
    void theDuplicatesPageGroupsTheSameEmailAndSimilarNamesAtTheSameAddress() throws Exception {
        String tag = tag();
        // sort early among the groups, so the page's group limit never hides them in a busy shared database
        String email = "0" + tag + "@example.com";
        CustomerView first = customer("Maria " + tag, uniquePhone(), email, null);
        CustomerView second = customer("M. Lopez " + tag, uniquePhone(), email.toUpperCase(Locale.ROOT), null);
        String address = "0 " + tag + " Lane";
        CustomerView jon = customer("Jon Smyth", uniquePhone(), null, address);
        CustomerView john = customer("John Smyth", null, null, address.toUpperCase(Locale.ROOT));
        CustomerView jane = customer("Jane Doe", null, null, address);

        String html = page("/admin/customers/duplicates");
        String sameEmail = groupOf(html, first.id());
        assertThat(sameEmail).contains("Same email");
        assertThat(customersIn(sameEmail)).containsExactlyInAnyOrder(first.id(), second.id());

        String similar = groupOf(html, jon.id());
        assertThat(similar).contains("Similar name, same address");
        assertThat(customersIn(similar)).containsExactlyInAnyOrder(jon.id(), john.id());
        assertThat(html).doesNotContain("/admin/customers/" + jane.id() + "\"");

        Matcher link =
                Pattern.compile("class=\"merge-link\"[^>]*href=\"([^\"]*)\"").matcher(sameEmail);
        assertThat(link.find()).isTrue();
        String mergePage = page(link.group(1).replace("&amp;", "&"));
        assertThat(mergePage)
                .contains("id=\"merge-form\"")
                .contains(first.name())
                .contains(second.name());
    }
}
