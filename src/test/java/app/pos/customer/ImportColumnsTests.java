package app.pos.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The import's guess of the id column and of the system the ids come from. */
class ImportColumnsTests {

    @Test
    void theIdColumnIsRecognisedUnderTheNamesOtherSystemsGiveIt() {
        for (String id : List.of("Customer ID", "Reference Id", "Square Customer ID", "Id", "external_id")) {
            assertThat(CustomerImport.guessMapping(List.of("Name", id, "Email")).columns())
                    .as(id)
                    .containsEntry(CustomerImport.EXTERNAL_ID, List.of(1))
                    .containsEntry("name", List.of(0))
                    .containsEntry("email", List.of(2));
        }
        assertThat(CustomerImport.guessMapping(List.of("Customer", "Phone Number"))
                        .columns())
                .doesNotContainKey(CustomerImport.EXTERNAL_ID);
    }

    @Test
    void aGenericFileKeepsItsNotesColumn() {
        assertThat(CustomerImport.guessMapping(List.of("Name", "Phone", "Notes"))
                        .columns())
                .containsEntry("notes", List.of(2));
    }

    @Test
    void squaresOwnIdWinsOverTheShopsReferenceIdAndTheSourceNamesTheSystem() {
        List<String> square =
                List.of("Reference ID", "First Name", "Email Address", "Phone Number", "Square Customer ID");
        assertThat(CustomerImport.guessMapping(square).columns()).containsEntry(CustomerImport.EXTERNAL_ID, List.of(4));
        assertThat(ImportColumns.source(square, 4)).isEqualTo("square");

        List<String> shopify = List.of("Customer ID", "First Name", "Last Name", "Email", "Accepts Email Marketing");
        assertThat(ImportColumns.source(shopify, 0)).isEqualTo("shopify");

        List<String> other = List.of("Name", "Kunden ID");
        assertThat(ImportColumns.source(other, 1)).isEqualTo("csv:kunden id");
        assertThat(ImportColumns.source(other, null)).isNull();
    }
}
