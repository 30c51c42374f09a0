package app.pos.backoffice;

import static app.pos.support.Fixtures.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.customer.CustomerSort;
import app.pos.customer.CustomerView;
import app.pos.support.Fixtures;
import app.pos.support.PostgresIntegrationTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The CSV export of the filtered customer list: byte order mark, RFC 4180 quoting, neutralized formulas.
 */
@PostgresIntegrationTest
class CustomerExportPostgresIntegrationTests extends CustomerBackOfficeTest {

    record Export(String raw, List<List<String>> rows) {
        List<List<String>> data() {
            return rows.subList(1, rows.size());
        }

        List<UUID> ids() {
            return data().stream().map(r -> UUID.fromString(r.get(0))).toList();
        }

        List<String> rowOf(UUID id) {
            List<List<String>> matching =
                    data().stream().filter(r -> r.get(0).equals(id.toString())).toList();
            assertThat(matching).as("export rows of %s", id).hasSize(1);
            return matching.get(0);
        }
    }

    static final List<String> CSV_HEADER = List.of(
            "id", "name", "phone", "email", "address", "total_spent", "visit_count", "last_visit_at", "created_at");

    Export export(String query) throws Exception {
        MvcResult result = mvc.perform(
                        get(URI.create("/admin/customers/export.csv?" + query)).with(manager()))
                .andExpect(status().isOk())
                .andReturn();
        MediaType type = MediaType.parseMediaType(result.getResponse().getContentType());
        assertThat(type.isCompatibleWith(MediaType.parseMediaType("text/csv")))
                .as("content type %s", type)
                .isTrue();
        assertThat(type.getCharset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOfRange(bytes, 0, 3))
                .as("UTF-8 byte order mark")
                .containsExactly((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith(String.join(",", CSV_HEADER) + "\r\n");
        List<List<String>> rows = rfc4180(text);
        assertThat(rows.get(0)).containsExactlyElementsOf(CSV_HEADER);
        for (List<String> row : rows) {
            assertThat(row).as("every record has 9 fields: %s", row).hasSize(CSV_HEADER.size());
        }
        return new Export(text, rows);
    }

    @Test
    void theExportIsACsvOfTheFilteredListWithAByteOrderMark() throws Exception {
        Seven seven = seven();
        Export everyone = export("q=" + seven.tag() + "&sort=TOTAL_SPENT&dir=desc");
        assertThat(everyone.ids())
                .as("one record per tagged customer, in list order")
                .containsExactlyElementsOf(seven.all().stream()
                        .sorted(ascending(CustomerSort.TOTAL_SPENT).reversed())
                        .map(CustomerView::id)
                        .toList());

        CustomerView c1 = seven.get(1);
        assertThat(everyone.rowOf(c1.id()))
                .containsExactly(
                        c1.id().toString(),
                        c1.name(),
                        " " + Fixtures.international(c1.phone()),
                        c1.email(),
                        c1.address(),
                        c1.totalSpent().toPlainString(),
                        String.valueOf(c1.visitCount()),
                        c1.lastVisitAt().toString(),
                        c1.createdAt().toString());
        CustomerView c6 = seven.get(6);
        assertThat(everyone.rowOf(c6.id()))
                .containsExactly(
                        c6.id().toString(),
                        c6.name(),
                        "",
                        "",
                        "",
                        "0.00",
                        "0",
                        "",
                        c6.createdAt().toString());

        assertThat(export("q=" + seven.tag() + "&hasPhone=false").ids())
                .containsExactlyInAnyOrder(seven.get(3).id(), seven.get(6).id());
        assertThat(export("q=" + seven.tag() + "&minVisits=2").ids())
                .containsExactlyInAnyOrder(
                        seven.get(1).id(),
                        seven.get(4).id(),
                        seven.get(5).id(),
                        seven.get(7).id());
        assertThat(export("q=" + seven.tag() + "&hasEmail=true&maxVisits=2").ids())
                .containsExactlyInAnyOrder(seven.get(3).id(), seven.get(4).id());
        // a cursor never cuts the export short: it is the whole filtered list
        String html = page("/admin/customers?q=" + seven.tag() + "&size=2");
        Matcher link = Pattern.compile("id=\"export\"[^>]*href=\"([^\"]*)\"").matcher(html);
        assertThat(link.find()).isTrue();
        assertThat(export(link.group(1)
                                .replace("&amp;", "&")
                                .substring(link.group(1).replace("&amp;", "&").indexOf('?') + 1))
                        .ids())
                .hasSize(7);
    }

    @Test
    void exportedCellsThatASpreadsheetWouldRunAsFormulasAreNeutralizedAndQuotingIsRfc4180() throws Exception {
        String tag = tag();
        CustomerView hyperlink = customer("=HYPERLINK(\"http://x\",\"y\") " + tag, null, null, null);
        CustomerView plus = customer("+cmd " + tag, null, "+" + tag + "@example.com", null);
        CustomerView minus = customer("-2+3 " + tag, null, null, "@SUM(1+1) street");
        CustomerView at = customer("@SUM(A1) " + tag, null, null, "=1+2");
        CustomerView quoted = customer("Comma, \"Quoted\" " + tag, null, null, "Flat 1\n2 Line Street");
        CustomerView plain = customer("Plain " + tag, null, null, "3 Plain Road");
        CustomerView split = customer("Bob;=1+2 " + tag, null, null, "Flat 1\n@SUM(1+1);-3");

        Export csv = export("q=" + tag);
        assertThat(csv.ids())
                .containsExactlyInAnyOrderElementsOf(ids(List.of(hyperlink, plus, minus, at, quoted, plain, split)));
        assertThat(csv.raw())
                .contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\") " + tag + "\",")
                .contains(",'+cmd " + tag + ",")
                .contains(",'-2+3 " + tag + ",")
                .contains(",'@SUM(A1) " + tag + ",")
                .contains(",\"Comma, \"\"Quoted\"\" " + tag + "\",")
                .contains(",\"Flat 1\n2 Line Street\",");
        assertThat(csv.rowOf(hyperlink.id()).get(1)).isEqualTo("'=HYPERLINK(\"http://x\",\"y\") " + tag);
        assertThat(csv.rowOf(plus.id()).get(1)).isEqualTo("'+cmd " + tag);
        assertThat(csv.rowOf(plus.id()).get(3)).isEqualTo("'+" + tag + "@example.com");
        assertThat(csv.rowOf(minus.id()).get(1)).isEqualTo("'-2+3 " + tag);
        assertThat(csv.rowOf(minus.id()).get(4)).isEqualTo("'@SUM(1+1) street");
        assertThat(csv.rowOf(at.id()).get(1)).isEqualTo("'@SUM(A1) " + tag);
        assertThat(csv.rowOf(at.id()).get(4)).isEqualTo("'=1+2");
        assertThat(csv.rowOf(quoted.id()).get(1)).isEqualTo("Comma, \"Quoted\" " + tag);
        assertThat(csv.rowOf(quoted.id()).get(4)).isEqualTo("Flat 1\n2 Line Street");
        assertThat(csv.rowOf(plain.id()).get(1)).isEqualTo("Plain " + tag);
        assertThat(csv.rowOf(plain.id()).get(4)).isEqualTo("3 Plain Road");
        assertThat(csv.rowOf(split.id()).get(1))
                .as("a spreadsheet that splits on ';' would start a cell with the formula")
                .isEqualTo("Bob;'=1+2 " + tag);
        assertThat(csv.rowOf(split.id()).get(4)).isEqualTo("Flat 1\n'@SUM(1+1);'-3");
    }
}
