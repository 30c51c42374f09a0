package app.pos.backoffice;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.customer.CustomerNotFound;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.OrderService;
import app.pos.order.OrderType;
import app.pos.order.PaymentMethod;
import app.pos.shared.CustomerDetails;
import app.pos.support.Browser;
import app.pos.support.BrowserIntegrationTest;
import app.pos.support.BrowserPage;
import app.pos.support.Customers;
import app.pos.support.Fixtures;
import app.pos.support.ImportFixtures;
import app.pos.support.Products;
import app.pos.support.Sales;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The back office customer pages in a real headless Chromium against the running app on PostgreSQL. */
@BrowserIntegrationTest
class BackOfficeBrowserIntegrationTests {

    @RegisterExtension
    static final BrowserPage browser = new BrowserPage();

    @LocalServerPort
    int port;

    @Autowired
    ProductService products;

    @Autowired
    CustomerService customers;

    @Autowired
    OrderService orders;

    Page page;
    ProductView soup;
    /** Letters only: digits typed into a search box search phone numbers, not names. */
    String tag;

    @BeforeEach
    void logIn() {
        tag = randomLetters(10);
        soup = Products.create(products, "Soup " + tag, "Kitchen", "6.95");
        page = browser.page();
        Browser.logInAsAdmin(page, url(""), "/admin/customers");
    }

    @Test
    void aManagerFindsACustomerByNameAndOpensTheProfile() {
        CustomerView ada = customers.create(new CustomerDetails(
                "Ada " + tag, Fixtures.uniquePhone(), "ada." + tag.toLowerCase() + "@example.com", "1 Analytical Row"));
        CustomerView bob = Customers.withPhone(customers, "Bob " + tag);
        Customers.withPhone(customers, "Carol " + randomLetters(10));

        page.locator("#f-q").fill(tag);
        assertThat(page.locator("#customers tbody tr")).hasCount(2);
        assertThat(page.locator("#customers")).containsText(ada.name());
        assertThat(page.locator("#customers")).containsText(bob.name());
        assertThat(page.locator("#customers")).containsText(Fixtures.national(ada.phone()));
        assertThat(page.locator("#result-count")).hasText("2 customers");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/customers\\?.*q=" + tag + ".*"));
        settle();
        Browser.screenshot(page, "admin-customers-list");

        page.locator("#customers a", new Page.LocatorOptions().setHasText(ada.name()))
                .click();
        assertThat(page).hasURL(url("/admin/customers/" + ada.id()));
        assertThat(page.locator("#customer-title")).hasText(ada.name());
        assertThat(page.locator("#contact-form #f-phone")).hasValue(Fixtures.national(ada.phone()));
        assertThat(page.locator("#contact-form #f-email")).hasValue(ada.email());
        assertThat(page.locator("#stat-visits")).hasText("0");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        settle();
        Browser.screenshot(page, "admin-customer-profile");
    }

    @Test
    void thePhoneIsEditedInPlaceABadValueShowsTheErrorAGoodOneIsSaved() {
        CustomerView eve = Customers.withPhone(customers, "Eve " + tag);
        page.navigate(url("/admin/customers/" + eve.id()));
        assertThat(page.locator("#customer-title")).hasText(eve.name());
        settle();

        page.locator("#contact-form #f-phone").fill("12");
        page.locator("#contact-form button[type=submit]").click();
        Locator error = page.locator("#contact .field-error[data-field=phone]");
        assertThat(error).isVisible();
        assertThat(error).containsText("phone");
        assertThat(page.locator("#contact-form #f-phone")).hasValue("12");
        assertThat(page.locator("#contact-saved")).hasCount(0);
        settle();
        Assertions.assertThat(customers.get(eve.id()).phone())
                .as("nothing saved")
                .isEqualTo(eve.phone());

        String phone = Fixtures.uniquePhone();
        page.locator("#contact-form #f-phone").fill(phone);
        page.locator("#contact-form button[type=submit]").click();
        assertThat(page.locator("#contact-saved")).isVisible();
        assertThat(page.locator("#contact .field-error")).hasCount(0);
        assertThat(page.locator("#contact-form #f-phone")).hasValue(phone);
        assertThat(page.locator("#contact-form #f-name")).hasValue(eve.name());
        settle();

        Assertions.assertThat(customers.get(eve.id()).phone()).isEqualTo(Fixtures.e164(phone));
        page.reload();
        assertThat(page.locator("#contact-form #f-phone")).hasValue(phone);
    }

    @Test
    void theCustomerListFitsATabletInPortraitWithoutScrollingSideways() {
        for (String first : List.of("Alexandra", "Bartholomew", "Constantina")) {
            CustomerView c = customers.create(new CustomerDetails(
                    first + " Montgomery-Fitzwilliam " + tag,
                    Fixtures.uniquePhone(),
                    first.toLowerCase() + ".montgomery-fitzwilliam." + tag.toLowerCase() + "@example-company.com",
                    "1 Long Street"));
            sell(c, 3);
        }
        page.setViewportSize(768, 1024);
        page.navigate(url("/admin/customers?q=" + tag));
        assertThat(page.locator("#customers tbody tr")).hasCount(3);
        settle();
        Browser.screenshot(page, "admin-customers-tablet-768");

        Object scrollWidth = page.evaluate("document.documentElement.scrollWidth");
        Assertions.assertThat(((Number) scrollWidth).intValue())
                .as("the page's width at a 768 px viewport")
                .isLessThanOrEqualTo(768);
        assertThat(page.locator("#customers")).containsText("Alexandra Montgomery-Fitzwilliam");
        assertThat(page.locator("#customer-filters button[type=submit]")).isInViewport();
    }

    @Test
    void aRenameShowsTheNewNameInTheHeadingAndTheTitleWithoutAReload() {
        CustomerView eve = Customers.withPhone(customers, "Eve " + tag);
        page.navigate(url("/admin/customers/" + eve.id()));
        assertThat(page).hasTitle(eve.name() + " · POS");
        settle();

        page.locator("#contact-form #f-name").fill("Evelyn " + tag);
        page.locator("#contact-form button[type=submit]").click();
        assertThat(page.locator("#contact-saved")).isVisible();
        assertThat(page.locator("#customer-title")).hasText("Evelyn " + tag);
        assertThat(page.locator("h1")).hasCount(1);
        assertThat(page).hasTitle("Evelyn " + tag + " · POS");
        assertThat(page.locator("#contact-form #f-name")).hasValue("Evelyn " + tag);
    }

    @Test
    void twoCustomersWithTheSameEmailAreMergedIntoOneWithAllTheirVisits() {
        String email = "aa." + tag.toLowerCase() + "@example.com";
        CustomerView older = customers.create(new CustomerDetails("Mia " + tag, Fixtures.uniquePhone(), email, null));
        CustomerView newer =
                customers.create(new CustomerDetails("Mya " + tag, Fixtures.uniquePhone(), email, "9 Merge Street"));
        for (int i = 0; i < 3; i++) {
            sell(older, 1 + i);
        }
        for (int i = 0; i < 2; i++) {
            sell(newer, 2);
        }
        CustomerView olderBefore = customers.get(older.id());
        CustomerView newerBefore = customers.get(newer.id());
        Assertions.assertThat(olderBefore.visitCount()).isEqualTo(3);
        Assertions.assertThat(newerBefore.visitCount()).isEqualTo(2);

        page.navigate(url("/admin/customers/duplicates"));
        Locator group = page.locator(".duplicate-group", new Page.LocatorOptions().setHasText(older.name()))
                .filter(new Locator.FilterOptions().setHasText(newer.name()));
        assertThat(group).hasCount(1);
        assertThat(group.locator("h2")).hasText("Same email");
        group.locator(".merge-link").click();

        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/customers/merge\\?a=.*&b=.*"));
        assertThat(page.locator("#merge-form")).containsText(older.name());
        assertThat(page.locator("#merge-form")).containsText(newer.name());
        assertThat(page.locator("input[name=survivorId][value='" + older.id() + "']"))
                .isChecked();
        page.locator("input[name=survivorId][value='" + older.id() + "']").check();
        page.locator("input[name=name][value='" + older.name() + "']").check();
        page.locator("input[name=phone][value='" + older.phone() + "']").check();
        page.locator("input[name=address][value='9 Merge Street']").check();
        Browser.screenshot(page, "admin-merge");

        page.locator("#merge-confirm").click();
        assertThat(page).hasURL(url("/admin/customers/" + older.id()));
        assertThat(page.locator("#customer-title")).hasText(older.name());
        assertThat(page.locator("#message")).containsText("2 orders moved");
        assertThat(page.locator("#stat-visits")).hasText("5");
        assertThat(page.locator("#contact-form #f-address")).hasValue("9 Merge Street");

        Assertions.assertThatThrownBy(() -> customers.get(newer.id())).isInstanceOf(CustomerNotFound.class);
        CustomerView survivor = customers.get(older.id());
        Assertions.assertThat(survivor.visitCount()).isEqualTo(olderBefore.visitCount() + newerBefore.visitCount());
        Assertions.assertThat(survivor.totalSpent())
                .isEqualByComparingTo(olderBefore.totalSpent().add(newerBefore.totalSpent()));
        Assertions.assertThat(survivor.phone()).isEqualTo(older.phone());
        Assertions.assertThat(survivor.email()).isEqualTo(email);
        Assertions.assertThat(survivor.address()).isEqualTo("9 Merge Street");

        page.navigate(url("/admin/customers/duplicates"));
        assertThat(page.locator("h1")).hasText("Possible duplicates");
        assertThat(page.locator(".duplicate-group", new Page.LocatorOptions().setHasText(older.name())))
                .hasCount(0);
    }

    @Test
    void theMergePreviewProposesTheKeptRecordsValuesAndShowsWhatGoesIntoTheNotes() {
        CustomerView regular = customers.create(new CustomerDetails("Lena " + tag, Fixtures.uniquePhone(), null, null));
        sell(regular, 1);
        sell(regular, 2);
        CustomerView newcomer = customers.create(new CustomerDetails(
                "L. " + tag, Fixtures.uniquePhone(), "l." + tag.toLowerCase() + "@example.com", null));

        page.navigate(url("/admin/customers/merge?a=" + newcomer.id() + "&b=" + regular.id()));
        assertThat(page.locator("input[name=survivorId][value='" + regular.id() + "']"))
                .isChecked();
        assertThat(page.locator("#merge-name-b")).isChecked();
        assertThat(page.locator("#merge-phone-b")).isChecked();
        assertThat(page.locator("#merge-email-a")).isChecked(); // the only email there is
        assertThat(page.locator("#merge-notes")).containsText("Merged from " + newcomer.name());
        assertThat(page.locator("#merge-notes")).containsText("phone " + newcomer.phone());
        Browser.screenshot(page, "admin-merge-defaults");

        page.locator("#merge-phone-a").check();
        assertThat(page.locator("#merge-notes")).containsText("phone " + regular.phone());
        assertThat(page.locator("#merge-notes")).not().containsText(newcomer.phone());
        assertThat(page.locator("#merge-phone-a")).isChecked();

        page.locator("input[name=survivorId][value='" + newcomer.id() + "']").check();
        assertThat(page.locator("#merge-name-a")).isChecked();
        assertThat(page.locator("#merge-phone-a")).isChecked();
        assertThat(page.locator("#merge-notes")).containsText("Merged from " + regular.name());

        page.locator("input[name=survivorId][value='" + regular.id() + "']").check();
        assertThat(page.locator("#merge-phone-b")).isChecked();
        page.locator("#merge-confirm").click();
        assertThat(page).hasURL(url("/admin/customers/" + regular.id()));
        assertThat(page.locator("#contact-form #f-phone")).hasValue(Fixtures.national(regular.phone()));
        assertThat(page.locator("#contact-form #f-notes"))
                .hasValue("Merged from " + newcomer.name() + ": phone " + newcomer.phone());
    }

    @Test
    void theProfilesMergeLinkOpensThePickScreenForThatCustomer() {
        CustomerView kim = Customers.withPhone(customers, "Kim " + tag);
        CustomerView kym = Customers.withPhone(customers, "Kym " + tag);
        page.navigate(url("/admin/customers/" + kim.id()));
        assertThat(page.locator("#customer-title")).hasText(kim.name());

        page.getByText("Merge with another customer…").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/admin/customers/merge\\?a=" + kim.id() + ".*"));
        page.locator("input[name=q]").fill(tag);
        page.locator("input[name=q]").press("Enter");
        assertThat(page.locator("main li a", new Page.LocatorOptions().setHasText(kym.name())))
                .hasCount(1);
        assertThat(page.locator("main li a", new Page.LocatorOptions().setHasText(kim.name())))
                .hasCount(0);
        page.locator("main li a", new Page.LocatorOptions().setHasText(kym.name()))
                .click();

        assertThat(page)
                .hasURL(java.util.regex.Pattern.compile(
                        ".*/admin/customers/merge\\?a=" + kim.id() + "&b=" + kym.id() + "$"));
        assertThat(page.locator("#merge-form")).containsText(kim.name());
        assertThat(page.locator("#merge-form")).containsText(kym.name());
    }

    @Test
    void theDashboardDrawsThePaymentSplitAndListsTheTopProducts() {
        sell(Customers.withPhone(customers, "Dash " + tag), 50);
        page.navigate(url("/admin"));
        assertThat(page.locator("#payments-today tr[data-method=CARD]")).isVisible();
        assertThat(page.locator("#top-products tbody tr").first()).isVisible();
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        Assertions.assertThat(page.evaluate("['payment-chart', 'revenue-chart'].map(id => "
                        + "Chart.getChart(document.getElementById(id)) ? Chart.getChart(document.getElementById(id))"
                        + ".config.type : null)"))
                .as("both charts drawn by admin.js")
                .isEqualTo(List.of("doughnut", "line"));
        Assertions.assertThat(page.evaluate("Chart.getChart(document.getElementById('payment-chart')).data.labels"))
                .isEqualTo(List.of("Cash", "Card", "Other"));
        settle();
        Browser.screenshot(page, "admin-dashboard");
    }

    @Test
    void aCustomerIsDeletedFromTheProfileAfterAPageThatSaysTheirOrdersStay() {
        CustomerView zoe = Customers.withPhone(customers, "Zoe " + tag);
        sell(zoe, 1);
        page.navigate(url("/admin/customers/" + zoe.id()));
        page.locator("#delete-link").click();
        assertThat(page.locator("#delete-question")).hasText("Delete " + zoe.name() + "?");
        assertThat(page.locator("#delete-orders"))
                .hasText("Their order stays, with the name, phone and address it was sold under, but no longer linked"
                        + " to a customer.");
        settle();
        Browser.screenshot(page, "admin-customer-delete");

        page.locator("#delete-confirm").click();
        assertThat(page).hasURL(url("/admin/customers"));
        assertThat(page.locator("#message"))
                .hasText(zoe.name() + " was deleted. Their order was kept, no longer linked to a customer.");
        Assertions.assertThat(customers.find(zoe.id())).isEmpty();
    }

    @Test
    void theFilteredListIsExportedAsCsvWithFormulasNeutralized() throws IOException {
        CustomerView ann = customers.create(new CustomerDetails(
                "Ann " + tag,
                Fixtures.uniquePhone(),
                "ann." + tag.toLowerCase() + "@example.com",
                "1 Comma Lane, Springfield"));
        CustomerView evil = Customers.withPhone(customers, "=HYPERLINK(\"http://evil\",\"x\") " + tag);
        CustomerView ben = customers.create(new CustomerDetails("Ben " + tag, null, null, "@home"));
        sell(ann, 2);
        Customers.withPhone(customers, "Other " + randomLetters(10));

        page.locator("#f-q").fill(tag);
        assertThat(page.locator("#customers tbody tr")).hasCount(3);
        assertThat(page.locator("#customers")).containsText(evil.name());
        settle();

        Download download = page.waitForDownload(() -> page.locator("#export").click());
        Assertions.assertThat(download.failure()).isNull();
        Assertions.assertThat(download.suggestedFilename()).isEqualTo("customers.csv");
        String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
        Assertions.assertThat(csv).startsWith("\uFEFF");
        List<List<String>> rows = parseCsv(csv.substring(1));

        Assertions.assertThat(rows.get(0))
                .containsExactly(
                        "id",
                        "name",
                        "phone",
                        "email",
                        "address",
                        "total_spent",
                        "visit_count",
                        "last_visit_at",
                        "created_at");
        List<List<String>> data = rows.subList(1, rows.size());
        Assertions.assertThat(data)
                .extracting(r -> r.get(0))
                .containsExactlyInAnyOrder(
                        ann.id().toString(), evil.id().toString(), ben.id().toString());
        Assertions.assertThat(data).allSatisfy(r -> Assertions.assertThat(r).hasSize(9));
        Map<String, List<String>> byId = data.stream().collect(Collectors.toMap(r -> r.get(0), Function.identity()));

        Assertions.assertThat(byId.get(evil.id().toString()).get(1)).isEqualTo("'" + evil.name());
        Assertions.assertThat(csv).contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\") " + tag + "\"");
        List<String> annRow = byId.get(ann.id().toString());
        Assertions.assertThat(annRow.get(1)).isEqualTo(ann.name());
        Assertions.assertThat(annRow.get(2))
                .as("the international format behind a space: no number, no formula, no apostrophe")
                .isEqualTo(" " + Fixtures.international(ann.phone()));
        Assertions.assertThat(annRow.get(4)).isEqualTo("1 Comma Lane, Springfield");
        Assertions.assertThat(new BigDecimal(annRow.get(5)))
                .isEqualByComparingTo(customers.get(ann.id()).totalSpent());
        Assertions.assertThat(annRow.get(6)).isEqualTo("1");
        List<String> benRow = byId.get(ben.id().toString());
        Assertions.assertThat(benRow.get(2)).isEmpty();
        Assertions.assertThat(benRow.get(4)).isEqualTo("'@home");
    }

    @Test
    void aSquareExportImportedOnThePageCreatesNothingWhenImportedAgain() throws IOException {
        String own = ImportFixtures.own(ImportFixtures.SQUARE, tag.toLowerCase());
        java.nio.file.Path file = Files.createTempFile("square-customers", ".csv");
        Files.writeString(file, own, StandardCharsets.UTF_8);

        page.navigate(url("/admin/customers/import"));
        page.locator("#file").setInputFiles(file);
        page.locator("#upload-form button[type=submit]").click();
        assertThat(page.locator("#import-preset")).containsText("Square customer export");
        assertThat(page.locator("#import-consents")).containsText("Email Subscription Status");
        assertThat(page.locator("#preview")).containsText("Lovelace");
        page.locator("#mapping-form button[type=submit]").click();
        assertThat(page.locator("#valid-count")).hasText("5 rows can be imported");
        assertThat(page.locator("#rejected-count")).hasText("1 row is rejected");
        settle();
        Browser.screenshot(page, "admin-import-square-checked");
        page.locator("#run-import").click();
        assertThat(page.locator("#valid-count")).hasText("5 rows were imported");
        CustomerView ada = customers
                .findByEmail("ada.lovelace@" + tag.toLowerCase() + ".example.com")
                .orElseThrow();
        Assertions.assertThat(ada.name()).isEqualTo("Ada Lovelace");
        Assertions.assertThat(ada.notes()).isEqualTo("Oat milk latte\nNo nuts, ever");

        page.navigate(url("/admin/customers/import"));
        page.locator("#file").setInputFiles(file);
        page.locator("#upload-form button[type=submit]").click();
        page.locator("#mapping-form button[type=submit]").click();
        assertThat(page.locator("#valid-count")).hasText("0 rows can be imported");
        assertThat(page.locator("#import-outcome")).containsText("0 new customers");
        assertThat(page.locator("#import-outcome")).containsText("5 already imported");
        assertThat(page.locator("#run-import")).hasCount(0);
        Files.delete(file);
    }

    private void sell(CustomerView customer, int quantity) {
        Sales.of(soup, quantity)
                .forCustomer(customer)
                .as(OrderType.TAKEAWAY)
                .paidBy(PaymentMethod.CARD)
                .placeWith(orders, "admin");
    }

    /** RFC 4180: cells separated by commas, quoted cells may hold commas, quotes (doubled) and line breaks. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        Assertions.assertThat(quoted).as("no unterminated quote").isFalse();
        Assertions.assertThat(row.isEmpty() && cell.isEmpty())
                .as("the file ends with CRLF")
                .isTrue();
        return rows;
    }

    private static String randomLetters(int length) {
        StringBuilder sb = new StringBuilder("Zq");
        for (int i = 0; i < length; i++) {
            sb.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return sb.toString();
    }

    private void settle() {
        Browser.settle(page);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
