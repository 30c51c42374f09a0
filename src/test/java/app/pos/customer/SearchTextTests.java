package app.pos.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTests {

    @Test
    void foldRemovesAccentsLowerCasesAndBreaksOnPunctuation() {
        assertThat(SearchText.fold("José Álvarez-Núñez")).isEqualTo("jose alvarez nunez");
    }

    @Test
    void foldSpellsStrokedLettersAsPeopleTypeThem() {
        assertThat(SearchText.fold("Łukasz Øster Straße")).isEqualTo("lukasz oster strasse");
        assertThat(SearchText.fold("Ægir Đorđe")).isEqualTo("aegir dorde");
    }

    @Test
    void foldIsCaseInsensitive() {
        assertThat(SearchText.fold("JOHN SMITH")).isEqualTo("john smith");
        assertThat(SearchText.fold("jOhN")).isEqualTo(SearchText.fold("John"));
        // Locale.ROOT: a Turkish default locale must not turn I into a dotless ı
        assertThat(SearchText.fold("IVAN")).isEqualTo("ivan");
    }

    @Test
    void punctuationAndWhitespaceRunsBecomeOneWordBreakAndEdgesAreTrimmed() {
        assertThat(SearchText.fold("O'Brien")).isEqualTo("o brien");
        assertThat(SearchText.fold("  smith,   j.r.  ")).isEqualTo("smith j r");
        assertThat(SearchText.fold("a_b%c")).isEqualTo("a b c");
        assertThat(SearchText.fold("--Anne--Marie--")).isEqualTo("anne marie");
        assertThat(SearchText.fold("!!!")).isEmpty();
    }

    @Test
    void foldKeepsDigitsAndNonLatinLetters() {
        assertThat(SearchText.fold("Flat 2B")).isEqualTo("flat 2b");
        assertThat(SearchText.fold("Σωκράτης")).isEqualTo("σωκρατης");
    }

    @Test
    void foldUsesCompatibilityDecomposition() {
        // NFKD: the ligature "ﬁ" becomes "fi", full-width letters become ASCII
        assertThat(SearchText.fold("ﬁsh")).isEqualTo("fish");
        assertThat(SearchText.fold("ＡＢＣ")).isEqualTo("abc");
    }

    @Test
    void wordsSplitsTheFoldedText() {
        assertThat(SearchText.words("José  Álvarez-Núñez")).containsExactly("jose", "alvarez", "nunez");
        assertThat(SearchText.words("Cher")).containsExactly("cher");
    }

    @Test
    void wordsOfTextWithoutLettersOrDigitsIsEmpty() {
        assertThat(SearchText.words("")).isEmpty();
        assertThat(SearchText.words("   ")).isEmpty();
        assertThat(SearchText.words("-- ! --")).isEmpty();
    }

    @Test
    void nameKeyIsTheFoldedNameWithALeadingSpace() {
        assertThat(SearchText.nameKey("José Álvarez-Núñez")).isEqualTo(" jose alvarez nunez");
        assertThat(SearchText.nameKey("  Smith  ")).startsWith(" ").isEqualTo(" smith");
    }

    @Test
    void nameKeyMatchesWordStartPatternsBuiltFromFoldedQueries() {
        String key = SearchText.nameKey("Mary-Jane Watson");
        assertThat(key).contains(" " + SearchText.fold("JANE"));
        assertThat(key).contains(" " + SearchText.fold("wat"));
        assertThat(key).startsWith(" " + SearchText.fold("Mary"));
    }

    @Test
    void digitsKeepsOnlyAsciiDigits() {
        assertThat(SearchText.digits("+1 (415) 555-0132")).isEqualTo("14155550132");
        assertThat(SearchText.digits("abc")).isEmpty();
        assertThat(SearchText.digits("")).isEmpty();
        assertThat(SearchText.digits(null)).isEmpty();
    }
}
