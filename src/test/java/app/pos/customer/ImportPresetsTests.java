package app.pos.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pos.support.ImportFixtures;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Square and Shopify presets recognise their exports' headers and map every field; the generic mapping. */
class ImportPresetsTests {

    static ImportFile fixture(String name) {
        return ImportFile.read(ImportFixtures.raw(name).getBytes(StandardCharsets.UTF_8));
    }

    static String value(ImportMapping mapping, ImportFile file, int row, String field) {
        return mapping.value(field, file.table().get(row));
    }

    @Test
    void aSquareCustomerExportIsRecognisedAndMapped() {
        ImportFile file = fixture(ImportFixtures.SQUARE);
        ImportMapping mapping = CustomerImport.mapping(file, "auto", null);
        assertThat(mapping.preset()).isEqualTo("square");
        assertThat(mapping.source(file.header())).isEqualTo("square");
        assertThat(value(mapping, file, 1, "name")).isEqualTo("Ada Lovelace");
        assertThat(value(mapping, file, 1, "phone")).isEqualTo("(212) 664-0101");
        assertThat(value(mapping, file, 1, "email")).isEqualTo("ada.lovelace@example.com");
        assertThat(value(mapping, file, 1, "address")).isEqualTo("12 Marylebone Road, Apt 3, New York, NY, 10001");
        assertThat(value(mapping, file, 1, "notes")).isEqualTo("Oat milk latte\nNo nuts, ever");
        assertThat(value(mapping, file, 1, "externalId")).isEqualTo("ZQ4B7K1M9D2E5F8G3H6J0N1P2R");
        assertThat(value(mapping, file, 2, "name")).isEqualTo("José Álvarez Núñez");
        assertThat(value(mapping, file, 2, "notes")).isEqualTo("Says \"hola\" at the door");
        assertThat(value(mapping, file, 3, "name")).isEqualTo("美玲 陈");
        assertThat(value(mapping, file, 4, "phone")).isNull();
        assertThat(value(mapping, file, 4, "email")).isNull();
        assertThat(value(mapping, file, 5, "name")).as("last name only").isEqualTo("Nguyen");
        assertThat(value(mapping, file, 6, "name")).isNull();
        assertThat(mapping.consents()).containsOnlyKeys("EMAIL");
        assertThat(file.header().get(mapping.consents().get("EMAIL"))).isEqualTo("Email Subscription Status");
        assertThat(CustomerImport.mapping(file, "square", null)).isEqualTo(mapping);
    }

    @Test
    void aShopifyCustomerExportIsRecognisedAndTheAddressPhoneIsTheFallback() {
        ImportFile file = fixture(ImportFixtures.SHOPIFY);
        ImportMapping mapping = CustomerImport.mapping(file, null, null);
        assertThat(mapping.preset()).isEqualTo("shopify");
        assertThat(mapping.source(file.header())).isEqualTo("shopify");
        assertThat(value(mapping, file, 1, "name")).isEqualTo("Grace Hopper");
        assertThat(value(mapping, file, 1, "phone")).isEqualTo("+12126640201");
        assertThat(value(mapping, file, 1, "address")).isEqualTo("1 Harbor Way, Suite 200, New York, NY, 10004, US");
        assertThat(value(mapping, file, 1, "notes")).isEqualTo("Black coffee.\nCalls ahead on Fridays.");
        assertThat(value(mapping, file, 1, "externalId")).isEqualTo("7398802653250");
        assertThat(value(mapping, file, 2, "phone")).as("Default Address Phone").isEqualTo("(212) 664-0202");
        assertThat(value(mapping, file, 4, "phone")).as("Phone wins").isEqualTo("212-664-0204");
        assertThat(value(mapping, file, 3, "name")).isEqualTo("Łukasz Wróbel");
        assertThat(value(mapping, file, 3, "phone")).isNull();
        assertThat(file.header().get(mapping.consents().get("EMAIL"))).isEqualTo("Accepts Email Marketing");
        assertThat(file.header().get(mapping.consents().get("SMS"))).isEqualTo("Accepts SMS Marketing");
    }

    @Test
    void anOlderShopifyExportIsRecognisedToo() {
        List<String> header = List.of(
                "First Name",
                "Last Name",
                "Email",
                "Company",
                "Address1",
                "Address2",
                "City",
                "Province",
                "Province Code",
                "Country",
                "Country Code",
                "Zip",
                "Phone",
                "Accepts Marketing",
                "Total Spent",
                "Total Orders",
                "Tags",
                "Note",
                "Tax Exempt");
        List<String> row = List.of(
                "Ida",
                "Noor",
                "ida@example.com",
                "",
                "3 Rue X",
                "",
                "Montréal",
                "Quebec",
                "QC",
                "Canada",
                "CA",
                "H2X 1Y4",
                "+1 514 555 0100",
                "yes",
                "0",
                "0",
                "",
                "",
                "no");
        ImportFile file = new ImportFile(List.of(header, row));
        ImportMapping mapping = CustomerImport.mapping(file, "auto", null);
        assertThat(mapping.preset()).isEqualTo("shopify");
        assertThat(mapping.has("externalId")).isFalse();
        assertThat(value(mapping, file, 1, "address")).isEqualTo("3 Rue X, Montréal, QC, H2X 1Y4, CA");
        assertThat(value(mapping, file, 1, "phone")).isEqualTo("+1 514 555 0100");
        assertThat(header.get(mapping.consents().get("EMAIL"))).isEqualTo("Accepts Marketing");
    }

    @Test
    void aGenericMappingJoinsSeveralColumnsIntoOneField() {
        List<String> header = List.of("Vorname", "Nachname", "Strasse", "Ort", "PLZ", "Handy", "Kunden ID");
        ImportFile file = new ImportFile(
                List.of(header, List.of("Anna", "Schmidt", "Hauptstr. 1", "Berlin", "10115", "+49 30 1234567", "K-1")));
        ImportMapping mapping = CustomerImport.mapping(
                file,
                "generic",
                Map.of(
                        "name", List.of("Vorname", "Nachname"),
                        "address", List.of("Strasse", "PLZ", "Ort"),
                        "phone", List.of("handy"),
                        "externalId", List.of("Kunden ID")));
        assertThat(value(mapping, file, 1, "name")).isEqualTo("Anna Schmidt");
        assertThat(value(mapping, file, 1, "address")).isEqualTo("Hauptstr. 1, 10115, Berlin");
        assertThat(value(mapping, file, 1, "phone")).isEqualTo("+49 30 1234567");
        assertThat(mapping.source(header)).isEqualTo("csv:kunden id");
        assertThat(ImportMapping.decode(mapping.encode())).isEqualTo(mapping);
    }

    @Test
    void aMappingOrPresetThatDoesNotFitTheFileIsRefused() {
        ImportFile file = new ImportFile(List.of(List.of("Vorname", "Ort"), List.of("Anna", "Berlin")));
        ImportFile noName = new ImportFile(List.of(List.of("Ort", "PLZ"), List.of("Berlin", "10115")));
        assertThatThrownBy(() -> CustomerImport.mapping(noName, "auto", null))
                .isInstanceOfSatisfying(
                        ImportFileProblem.class,
                        p -> assertThat(p.reason()).isEqualTo(ImportFileProblem.Reason.NO_HEADER));
        assertThatThrownBy(() -> CustomerImport.mapping(fixture(ImportFixtures.SHOPIFY), "square", null))
                .isInstanceOfSatisfying(
                        ImportFileProblem.class,
                        p -> assertThat(p.reason()).isEqualTo(ImportFileProblem.Reason.NO_HEADER));
        assertThatThrownBy(() -> CustomerImport.mapping(file, "generic", Map.of("name", List.of("Nachname"))))
                .hasMessageContaining("\"Nachname\"");
        assertThatThrownBy(() -> CustomerImport.mapping(file, "generic", Map.of("birthday", List.of("Ort"))))
                .hasMessageContaining("unknown field \"birthday\"");
        assertThatThrownBy(() -> CustomerImport.mapping(file, "generic", Map.of("address", List.of("Ort"))))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> CustomerImport.mapping(file, "lightspeed", null))
                .hasMessageContaining("preset must be");
    }

    @Test
    void aFileThatIsNotUtf8OrNotCsvOrHasNoRowsIsRefusedWithItsReason() {
        assertReason(new byte[] {'N', 'a', 'm', 'e', '\n', 'J', 'o', 's', (byte) 0xE9, '\n'}, "NOT_UTF8");
        assertReason(new byte[] {(byte) 0xFF, (byte) 0xFE, 'N', 0, '\n', 0}, "NOT_UTF8");
        assertReason(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0}, "NOT_UTF8");
        assertReason("PK\u0003\u0004binary".getBytes(StandardCharsets.UTF_8), "NOT_CSV");
        assertReason("Name,Notes\nAda,\"never closed\n".getBytes(StandardCharsets.UTF_8), "NOT_CSV");
        assertReason("".getBytes(StandardCharsets.UTF_8), "NO_HEADER");
        assertReason("Name\r\n".getBytes(StandardCharsets.UTF_8), "NO_ROWS");
        assertReason(
                ("Name\n" + "Ada\n".repeat(CustomerImport.MAX_ROWS + 1)).getBytes(StandardCharsets.UTF_8), "TOO_LONG");
        assertThat(ImportFile.read("\uFEFFName\nAda\n".getBytes(StandardCharsets.UTF_8))
                        .header())
                .containsExactly("Name");
    }

    static void assertReason(byte[] bytes, String reason) {
        assertThatThrownBy(() -> ImportFile.read(bytes))
                .isInstanceOfSatisfying(
                        ImportFileProblem.class,
                        p -> assertThat(p.reason().name()).isEqualTo(reason));
    }
}
