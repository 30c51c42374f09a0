package app.pos.backoffice;

import static app.pos.support.Fixtures.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.customer.CustomerSort;
import app.pos.customer.CustomerView;
import app.pos.support.PostgresIntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The back office customer list: sorts, keyset paging, filters, the htmx fragment and malformed parameters.
 */
@PostgresIntegrationTest
class CustomerListPostgresIntegrationTests extends CustomerBackOfficeTest {

    /** The customer ids of the list table's rows, in order. */
    static List<UUID> listed(String html) {
        int table = html.indexOf("id=\"customers\"");
        if (table < 0) {
            return List.of();
        }
        return customerLinks(html.substring(html.indexOf("<tbody>", table), html.indexOf("</tbody>", table)));
    }

    /** The href of the "next page" link, unescaped, or null on the last page. */
    static String nextPage(String html) {
        Matcher m =
                Pattern.compile("<a[^>]*id=\"next-page\"[^>]*href=\"([^\"]*)\"").matcher(html);
        if (!m.find()) {
            return null;
        }
        return m.group(1).replace("&amp;", "&");
    }

    /** Follows the next-page links from {@code first} to the end, checking every page's size. */
    List<UUID> allPages(String first, int size) throws Exception {
        List<UUID> seen = new ArrayList<>();
        String url = first;
        for (int pages = 0; url != null; pages++) {
            assertThat(pages).as("pages followed from %s", first).isLessThan(20);
            String html = page(url);
            List<UUID> rows = listed(html);
            assertThat(rows.size()).as("rows on %s", url).isBetween(1, size);
            seen.addAll(rows);
            url = nextPage(html);
            if (url != null) {
                assertThat(rows)
                        .as("a page followed by another is full: %s", url)
                        .hasSize(size);
            }
        }
        return seen;
    }

    @Test
    void theListSortsByTotalSpentAndItsNextPageLinksWalkEveryTaggedCustomerOnce() throws Exception {
        Seven seven = seven();
        List<UUID> expected = seven.all().stream()
                .sorted(ascending(CustomerSort.TOTAL_SPENT).reversed())
                .map(CustomerView::id)
                .toList();
        // the fixture has ties exactly at the page boundaries (positions 3/4 and 6/7)
        assertThat(seven.get(4).totalSpent()).isEqualByComparingTo(seven.get(5).totalSpent());
        assertThat(seven.get(3).totalSpent()).isEqualByComparingTo("0");
        assertThat(expected.subList(0, 2))
                .containsExactly(seven.get(7).id(), seven.get(1).id());

        String first = "/admin/customers?q=" + seven.tag() + "&sort=TOTAL_SPENT&dir=desc&size=3";
        String html = page(first);
        assertThat(listed(html)).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(html).contains("id=\"result-count\">7 customers<");
        String next = nextPage(html);
        assertThat(next)
                .isNotNull()
                .contains("q=" + seven.tag())
                .contains("sort=TOTAL_SPENT")
                .contains("dir=desc")
                .contains("size=3")
                .contains("after=");

        List<UUID> walked = allPages(first, 3);
        assertThat(walked).as("every tagged customer exactly once, in order").containsExactlyElementsOf(expected);
    }

    @Test
    void keysetPagingIsExactForEverySortInBothDirections() throws Exception {
        Seven seven = seven();
        // make creation times distinct and known, out of insertion order
        OffsetDateTime base = OffsetDateTime.parse("2021-06-01T12:00:00Z");
        int[] dayOffsets = {5, 3, 6, 1, 1, 0, 2};
        for (int i = 0; i < 7; i++) {
            jdbc.sql("UPDATE customers SET created_at = :at WHERE id = :id")
                    .param("at", base.plusDays(dayOffsets[i]))
                    .param("id", seven.all().get(i).id())
                    .update();
        }
        List<CustomerView> all = reload(seven.all());
        for (CustomerSort sort : CustomerSort.values()) {
            for (boolean descending : new boolean[] {false, true}) {
                Comparator<CustomerView> order = descending ? ascending(sort).reversed() : ascending(sort);
                List<UUID> expected =
                        all.stream().sorted(order).map(CustomerView::id).toList();
                String first = "/admin/customers?q=" + seven.tag() + "&sort=" + sort + "&dir="
                        + (descending ? "desc" : "asc") + "&size=2";
                assertThat(allPages(first, 2))
                        .as("%s %s", sort, descending ? "desc" : "asc")
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void filtersNarrowTheList() throws Exception {
        Seven seven = seven();
        CustomerView c1 = seven.get(1);
        CustomerView c2 = seven.get(2);
        CustomerView c7 = seven.get(7);
        jdbc.sql("UPDATE customers SET created_at = :at WHERE id = :id")
                .param("at", OffsetDateTime.parse("2020-03-10T12:00:00Z"))
                .param("id", c1.id())
                .update();
        jdbc.sql("UPDATE customers SET created_at = :at WHERE id = :id")
                .param("at", OffsetDateTime.parse("2020-03-12T12:00:00Z"))
                .param("id", c2.id())
                .update();
        jdbc.sql("UPDATE customers SET last_visit_at = :at WHERE id = :id")
                .param("at", OffsetDateTime.parse("2021-05-05T12:00:00Z"))
                .param("id", c7.id())
                .update();
        List<CustomerView> all = reload(seven.all());
        BigDecimal low = seven.get(4).totalSpent();
        BigDecimal high = c1.totalSpent();
        assertThat(low).isLessThan(high);

        Map<String, Predicate<CustomerView>> filters = new LinkedHashMap<>();
        filters.put("minSpent=" + low, c -> c.totalSpent().compareTo(low) >= 0);
        filters.put("maxSpent=" + low, c -> c.totalSpent().compareTo(low) <= 0);
        filters.put(
                "minSpent=" + low + "&maxSpent=" + high,
                c -> c.totalSpent().compareTo(low) >= 0 && c.totalSpent().compareTo(high) <= 0);
        filters.put("minVisits=2", c -> c.visitCount() >= 2);
        filters.put("maxVisits=1", c -> c.visitCount() <= 1);
        filters.put("minVisits=2&maxVisits=3", c -> c.visitCount() >= 2 && c.visitCount() <= 3);
        filters.put("hasPhone=false", c -> c.phone() == null);
        filters.put("hasPhone=true", c -> c.phone() != null);
        filters.put("hasEmail=true", c -> c.email() != null);
        filters.put("hasEmail=false", c -> c.email() == null);
        filters.put("hasPhone=false&hasEmail=true", c -> c.phone() == null && c.email() != null);
        filters.put("createdFrom=2020-03-10&createdTo=2020-03-10", c -> c.id().equals(c1.id()));
        filters.put("createdFrom=2020-03-11&createdTo=2020-03-12", c -> c.id().equals(c2.id()));
        filters.put("createdTo=2020-03-12", c -> c.id().equals(c1.id()) || c.id().equals(c2.id()));
        filters.put("createdFrom=2020-03-13", c -> !c.id().equals(c1.id()) && !c.id().equals(c2.id()));
        filters.put("lastVisitFrom=2021-05-05&lastVisitTo=2021-05-05", c -> c.id().equals(c7.id()));
        filters.put(
                "minVisits=1&hasEmail=true&maxSpent=" + low,
                c -> c.visitCount() >= 1 && c.email() != null && c.totalSpent().compareTo(low) <= 0);

        for (var filter : filters.entrySet()) {
            Set<UUID> expected =
                    all.stream().filter(filter.getValue()).map(CustomerView::id).collect(Collectors.toSet());
            assertThat(expected)
                    .as("the fixture makes %s meaningful", filter.getKey())
                    .isNotEmpty()
                    .hasSizeLessThan(7);
            String html = page("/admin/customers?q=" + seven.tag() + "&size=50&" + filter.getKey());
            assertThat(listed(html))
                    .as(filter.getKey())
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(expected);
            String count = expected.size() == 1 ? "1 customer" : expected.size() + " customers";
            assertThat(html).as(filter.getKey()).contains("id=\"result-count\">" + count + "<");
        }
    }

    @Test
    void anHtmxRequestGetsOnlyTheResultsFragment() throws Exception {
        Seven seven = seven();
        String html = body(mvc.perform(get("/admin/customers")
                        .param("q", seven.tag())
                        .param("sort", "VISITS")
                        .param("dir", "desc")
                        .header("HX-Request", "true")
                        .with(manager()))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(html)
                .doesNotContain("<html")
                .doesNotContain("<head")
                .doesNotContain("customer-filters")
                .contains("id=\"results\"");
        assertThat(listed(html)).hasSize(7);
        String full = page("/admin/customers?q=" + seven.tag());
        assertThat(full).contains("<html").contains("id=\"customer-filters\"").contains("id=\"results\"");
    }

    @Test
    void aForgedCursorOrAMalformedFilterIsA400() throws Exception {
        Seven seven = seven();
        String id = UUID.randomUUID().toString();
        List<String> forged = List.of(
                "not-a-cursor!!",
                base64url("12.50"),
                base64url("abc|" + id),
                base64url("12.50|not-a-uuid"),
                base64url("|" + id),
                base64url("12.50|" + id + "|x"),
                "%00%01");
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (String after : forged) {
            statuses.put(
                    "after=" + after,
                    mvc.perform(get(URI.create("/admin/customers?q=" + seven.tag()
                                            + "&sort=TOTAL_SPENT&dir=desc&size=3&after=" + after))
                                    .with(manager()))
                            .andReturn()
                            .getResponse()
                            .getStatus());
        }
        statuses.put(
                "LAST_VISIT after=yesterday|id",
                mvc.perform(get("/admin/customers")
                                .param("sort", "LAST_VISIT")
                                .param("after", base64url("yesterday|" + id))
                                .with(manager()))
                        .andReturn()
                        .getResponse()
                        .getStatus());
        for (String bad : List.of(
                "minSpent=abc",
                "maxSpent=1,5x",
                "minVisits=two",
                "maxVisits=1.5",
                "createdFrom=31/12/2024",
                "lastVisitTo=tomorrow",
                "hasPhone=maybe",
                "sort=BOGUS",
                "size=many")) {
            statuses.put(
                    bad,
                    mvc.perform(get(URI.create("/admin/customers?q=" + seven.tag() + "&" + bad))
                                    .with(manager()))
                            .andReturn()
                            .getResponse()
                            .getStatus());
        }
        assertThat(statuses)
                .as("status per forged or malformed parameter")
                .allSatisfy((param, status) -> assertThat(status).as(param).isEqualTo(400));

        // a well-formed cursor is only a position in the list (cursors are not signed): it pages, it never errs
        String beyondTheEnd = base64url("0.00|00000000-0000-0000-0000-000000000000");
        assertThat(listed(page("/admin/customers?q=" + seven.tag() + "&sort=TOTAL_SPENT&dir=desc&size=3&after="
                        + beyondTheEnd)))
                .isEmpty();
    }

    @Test
    void aFilterThatIsNotANumberIsMarkedWithItsLabelAndKeepsWhatWasTyped() throws Exception {
        Seven seven = seven();
        String html = body(mvc.perform(get("/admin/customers")
                        .param("q", seven.tag())
                        .param("minSpent", "abc")
                        .param("maxVisits", "7")
                        .with(manager()))
                .andExpect(status().isBadRequest())
                .andReturn());
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        assertThat(page.select("#customer-filters"))
                .as("the filter form is on the page")
                .hasSize(1);
        org.jsoup.nodes.Element minSpent = page.selectFirst("#f-minSpent");
        assertThat(minSpent.attr("value")).as("what was typed").isEqualTo("abc");
        assertThat(minSpent.attr("aria-invalid")).isEqualTo("true");
        org.jsoup.nodes.Element error = page.getElementById(minSpent.attr("aria-describedby"));
        assertThat(error).as("the error the field is described by").isNotNull();
        assertThat(error.attr("data-field")).isEqualTo("minSpent");
        assertThat(error.text()).isEqualTo("“abc” is not a valid value for Spent from.");
        assertThat(page.selectFirst("#f-maxVisits").attr("value")).isEqualTo("7");
        assertThat(page.selectFirst("#f-maxVisits").hasAttr("aria-invalid")).isFalse();
        assertThat(page.selectFirst("#f-q").attr("value")).isEqualTo(seven.tag());
        assertThat(page.selectFirst("#filters-invalid").text()).isEqualTo("These values are not valid: Spent from.");
        assertThat(html).doesNotContain("minSpent:").doesNotContain("valid: minSpent");
        assertThat(listed(html)).isEmpty();

        String fragment = body(mvc.perform(get("/admin/customers")
                        .param("q", seven.tag())
                        .param("minSpent", "abc")
                        .header("HX-Request", "true")
                        .with(manager()))
                .andExpect(status().isOk())
                .andReturn());
        org.jsoup.nodes.Document swapped = org.jsoup.Jsoup.parseBodyFragment(fragment);
        assertThat(fragment).doesNotContain("<html");
        assertThat(swapped.selectFirst("#customer-filters").attr("hx-swap-oob"))
                .as("the marked form replaces the one on screen")
                .isEqualTo("true");
        assertThat(swapped.selectFirst("#f-minSpent").attr("aria-invalid")).isEqualTo("true");
        assertThat(swapped.selectFirst("#f-minSpent").attr("value")).isEqualTo("abc");
        assertThat(swapped.selectFirst("#results #filters-invalid").text())
                .isEqualTo("These values are not valid: Spent from.");
    }

    static String base64url(String raw) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }
}
