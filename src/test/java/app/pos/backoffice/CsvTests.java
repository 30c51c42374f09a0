package app.pos.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import app.pos.customer.CsvReader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "=1+2|'=1+2",
                "+cmd|'+cmd",
                "-2+3|'-2+3",
                "@SUM(A1)|'@SUM(A1)",
                "Plain text|Plain text",
                "Smith-Jones|Smith-Jones",
                "a+b=c|a+b=c"
            })
    void aCellThatStartsWithAFormulaCharacterGetsAnApostrophe(String value, String written) {
        assertThat(Csv.cell(value)).isEqualTo(written);
    }

    @Test
    void aFormulaCharacterAfterASeparatorInsideTheCellGetsAnApostropheToo() {
        assertThat(Csv.cell("Bob;=1+2")).isEqualTo("Bob;'=1+2");
        assertThat(Csv.cell("Bob; =1+2")).isEqualTo("Bob; '=1+2");
        assertThat(Csv.cell("Bob;@SUM(A1);-3")).isEqualTo("Bob;'@SUM(A1);'-3");
        assertThat(Csv.cell("Bob\t+cmd")).isEqualTo("Bob\t'+cmd");
        assertThat(Csv.cell("Bob,=1+2")).isEqualTo("\"Bob,'=1+2\"");
        assertThat(Csv.cell("Flat 1\n=2 Line Street")).isEqualTo("\"Flat 1\n'=2 Line Street\"");
        assertThat(Csv.cell("=1;=2")).isEqualTo("'=1;'=2");
        assertThat(Csv.cell("Bob; 1 Main St")).isEqualTo("Bob; 1 Main St");
    }

    @Test
    void aPhoneIsWrittenInTheInternationalFormatBehindASpaceWithoutAnApostrophe() {
        assertThat(Csv.cell(Csv.phone("+1 415-555-0132"))).isEqualTo(" +1 415-555-0132");
        assertThat(Csv.cell(Csv.phone("+44 20 7946 0958"))).isEqualTo(" +44 20 7946 0958");
        assertThat(Csv.cell(Csv.phone(null))).isEmpty();
        assertThat(Csv.cell(Csv.phone("=cmd|' /C calc'!A0")))
                .as("stored text that is not a formatted number is guarded like any other")
                .isEqualTo("'=cmd|' /C calc'!A0");
    }

    @Test
    void theImportReadsBackWhatTheExportWrote() {
        List<String> values =
                Arrays.asList("=1+2", "Bob;=1+2", "Flat 1\n=2 Line; -3", "Comma, \"Quoted\"", "Plain", "");
        String csv = Csv.row(List.of("a", "b", "c", "d", "e", "f")) + Csv.row(values);
        assertThat(CsvReader.parse(csv)).containsExactly(List.of("a", "b", "c", "d", "e", "f"), values);
    }
}
