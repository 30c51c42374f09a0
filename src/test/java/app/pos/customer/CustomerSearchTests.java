package app.pos.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import app.pos.customer.CustomerSearch.Tier;
import app.pos.shared.PhoneNumbers;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerSearchTests {

    private static final String MATCH_NOTHING = "1 = 0";

    private final PhoneNumbers phones = new PhoneNumbers("US");

    private CustomerSearch parse(String query) {
        Optional<CustomerSearch> search = CustomerSearch.parse(query, phones);
        assertThat(search).as("search for %s", query).isPresent();
        return search.get();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "  \t\n "})
    void emptyOrBlankQueryMeansNoSearch(String query) {
        assertThat(CustomerSearch.parse(query, phones)).isEmpty();
    }

    @Test
    void partialDigitsMatchAnywhereInThePhoneAndRankASuffixHigher() {
        CustomerSearch search = parse("0132");

        assertThat(search.where()).isEqualTo("phone_digits LIKE :dAny0");
        assertThat(search.params()).containsExactly(entry("dAny0", "%0132%"), entry("dSuffix0", "2310%"));
        assertThat(search.tiers()).containsExactly(new Tier("phone_digits_rev LIKE :dSuffix0", true));
    }

    @Test
    void fullPhoneNumberAlsoMatchesTheExactE164Phone() {
        CustomerSearch search = parse("(415) 555-0132");

        assertThat(search.where()).isEqualTo("phone_digits LIKE :dAny0");
        assertThat(search.params())
                .containsExactly(
                        entry("dAny0", "%4155550132%"),
                        entry("dSuffix0", "2310555514%"),
                        entry("e164", "+14155550132"));
        assertThat(search.tiers())
                .containsExactly(
                        new Tier("phone = :e164 AND phone_digits LIKE :dAny0", true),
                        new Tier("phone_digits_rev LIKE :dSuffix0", true));
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        CustomerSearch padded = parse("   0132  ");

        assertThat(padded).isEqualTo(parse("0132"));
    }

    @Test
    void eachNameWordMustStartAWordOfTheName() {
        CustomerSearch search = parse("jo smi");

        assertThat(search.where()).isEqualTo("name_search LIKE :w0 AND name_search LIKE :w1");
        assertThat(search.params())
                .containsExactly(entry("w0", "% jo%"), entry("w1", "% smi%"), entry("namePrefix", " jo smi%"));
        assertThat(search.params()).doesNotContainKey("emailPrefix");
        assertThat(search.tiers()).containsExactly(new Tier("name_search LIKE :namePrefix", false));
    }

    @Test
    void nameWordsAreFoldedLikeStoredNames() {
        CustomerSearch search = parse("JOSÉ Álv");

        assertThat(search.params())
                .containsExactly(entry("w0", "% jose%"), entry("w1", "% alv%"), entry("namePrefix", " jose alv%"));
        // the patterns match the stored key of the name
        assertThat(SearchText.nameKey("José Álvarez-Núñez")).startsWith(" jose alv");
    }

    @Test
    void singleWordAlsoMatchesAnEmailPrefix() {
        CustomerSearch search = parse("jsmith");

        assertThat(search.params())
                .containsExactly(
                        entry("w0", "% jsmith%"), entry("namePrefix", " jsmith%"), entry("emailPrefix", "jsmith%"));
        assertThat(search.where()).isEqualTo("(name_search LIKE :w0 OR email LIKE :emailPrefix ESCAPE '\\')");
        assertThat(search.tiers())
                .containsExactly(
                        new Tier("name_search LIKE :namePrefix OR email LIKE :emailPrefix ESCAPE '\\'", false));
    }

    @Test
    void emailPrefixIsLowerCasedAndKeepsEmailPunctuation() {
        CustomerSearch search = parse("J.Smith@Ex");

        assertThat(search.params()).containsEntry("emailPrefix", "j.smith@ex%");
        assertThat(search.params())
                .containsEntry("w0", "% j%")
                .containsEntry("w1", "% smith%")
                .containsEntry("w2", "% ex%")
                .containsEntry("namePrefix", " j smith ex%");
    }

    @Test
    void likeWildcardsInTheEmailPrefixAreEscaped() {
        CustomerSearch search = parse("a_b%");

        assertThat(search.params()).containsEntry("emailPrefix", "a\\_b\\%%");
        // folding turns the wildcards into word breaks in the name patterns
        assertThat(search.params())
                .containsEntry("w0", "% a%")
                .containsEntry("w1", "% b%")
                .containsEntry("namePrefix", " a b%");
        assertThat(search.params().values())
                .filteredOn(v -> !v.equals("a\\_b\\%%"))
                .allSatisfy(v -> assertThat((String) v).doesNotContain("_").doesNotContain("\\"));
    }

    @Test
    void backslashInTheEmailPrefixIsEscaped() {
        CustomerSearch search = parse("a\\b");

        assertThat(search.params()).containsEntry("emailPrefix", "a\\\\b%");
    }

    @Test
    void nameAndDigitsCombineAndNoEmailPrefixIsUsed() {
        CustomerSearch search = parse("smith 0132");

        assertThat(search.where()).isEqualTo("phone_digits LIKE :dAny0 AND name_search LIKE :w0");
        assertThat(search.params())
                .containsOnly(
                        entry("dAny0", "%0132%"),
                        entry("dSuffix0", "2310%"),
                        entry("w0", "% smith%"),
                        entry("namePrefix", " smith%"));
        // a suffix or prefix of one part does not imply the other part: the tier keeps every condition
        assertThat(search.tiers())
                .containsExactly(new Tier(
                        "phone_digits LIKE :dAny0 AND name_search LIKE :w0 AND ("
                                + "phone_digits_rev LIKE :dSuffix0 OR name_search LIKE :namePrefix)",
                        false));
    }

    @Test
    void shortDigitTokensNextToNamesAreIgnored() {
        CustomerSearch search = parse("smith 12");

        assertThat(search.where()).isEqualTo("name_search LIKE :w0");
        assertThat(search.params()).containsOnlyKeys("w0", "namePrefix");
    }

    @Test
    void severalDigitTokensEachGetTheirOwnParameters() {
        CustomerSearch search = parse("jo 415 0132");

        assertThat(search.where())
                .isEqualTo("phone_digits LIKE :dAny0 AND phone_digits LIKE :dAny1 AND name_search LIKE :w0");
        assertThat(search.params())
                .containsEntry("dAny0", "%415%")
                .containsEntry("dAny1", "%0132%")
                .containsEntry("dSuffix1", "2310%");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "1", "+1", "(1)-2", "()"})
    void tooFewDigitsMatchesNothing(String query) {
        CustomerSearch search = parse(query);

        assertThat(search.where()).isEqualTo(MATCH_NOTHING);
        assertThat(search.tiers()).isEmpty();
        assertThat(search.params()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!", "@", "*&^", "_ %"})
    void queryWithoutLettersOrDigitsMatchesNothing(String query) {
        CustomerSearch search = parse(query);

        assertThat(search.where()).isEqualTo(MATCH_NOTHING);
        assertThat(search.tiers()).isEmpty();
        assertThat(search.params()).isEmpty();
    }

    @Test
    void everyNamedParameterInWhereAndRankIsBound() {
        for (String query : new String[] {"0132", "(415) 555-0132", "jo smi", "jsmith", "a_b%", "smith 0132"}) {
            CustomerSearch search = parse(query);
            String sql = search.where() + " "
                    + search.tiers().stream().map(Tier::condition).toList();
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile(":(\\w+)").matcher(sql);
            while (m.find()) {
                assertThat(search.params())
                        .as("%s binds :%s", query, m.group(1))
                        .containsKey(m.group(1));
            }
        }
    }
}
