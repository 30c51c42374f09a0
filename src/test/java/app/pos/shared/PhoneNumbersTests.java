package app.pos.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTests {

    private final PhoneNumbers us = new PhoneNumbers("US");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "(415) 555-0132",
                "415.555.0132",
                "+1 415 555 0132",
                "4155550132",
                "415-555-0132",
                "  415 555 0132  "
            })
    void commonUsFormatsNormalizeToE164(String raw) {
        assertThat(us.toE164(raw)).contains("+14155550132");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12", "abc", "   ", "+1 000 000 0000", "415 555 013", "555-0132"})
    void invalidInputGivesEmpty(String raw) {
        assertThat(us.toE164(raw)).isEmpty();
    }

    @Test
    void inputLongerThanFortyCharactersIsRejectedEvenIfItHoldsAValidNumber() {
        String forty = " ".repeat(30) + "4155550132";
        String fortyOne = " " + forty;
        assertThat(forty).hasSize(40);
        assertThat(fortyOne).hasSize(41);

        assertThat(us.toE164(forty)).contains("+14155550132");
        assertThat(us.toE164(fortyOne)).isEmpty();
        assertThat(us.toE164("4".repeat(41))).isEmpty();
    }

    @Test
    void internationalNumberIsReadWhateverTheDefaultRegion() {
        assertThat(us.toE164("+44 20 7946 0958")).contains("+442079460958");
    }

    @Test
    void nationalFormatIsReadInTheConfiguredRegion() {
        PhoneNumbers gb = new PhoneNumbers("GB");

        assertThat(gb.toE164("020 7946 0958")).contains("+442079460958");
        assertThat(gb.defaultRegion()).isEqualTo("GB");
        // the same digits are not a valid US number
        assertThat(us.toE164("020 7946 0958")).isEmpty();
    }

    @Test
    void regionCodeIsCaseInsensitive() {
        PhoneNumbers gb = new PhoneNumbers("gb");

        assertThat(gb.defaultRegion()).isEqualTo("GB");
        assertThat(gb.toE164("020 7946 0958")).contains("+442079460958");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "ZZ", "USA", ""})
    void unknownRegionIsRejectedAtConstruction(String region) {
        assertThatThrownBy(() -> new PhoneNumbers(region))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + region + "'");
    }

    @Test
    void aNumberOfTheDefaultRegionIsShownInTheNationalFormat() {
        assertThat(us.display("+14155550132")).isEqualTo("(415) 555-0132");
        assertThat(new PhoneNumbers("GB").display("+442079460958")).isEqualTo("020 7946 0958");
    }

    @Test
    void aNumberOfAnotherRegionIsShownInTheInternationalFormat() {
        assertThat(us.display("+442079460958")).isEqualTo("+44 20 7946 0958");
        assertThat(new PhoneNumbers("GB").display("+14155550132")).isEqualTo("+1 415-555-0132");
    }

    @Test
    void theInternationalFormatKeepsTheCountryCodeWhateverTheRegion() {
        assertThat(us.international("+14155550132")).isEqualTo("+1 415-555-0132");
        assertThat(us.international("+442079460958")).isEqualTo("+44 20 7946 0958");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"not a phone", "12"})
    void whatIsNoNumberIsShownAsItIs(String stored) {
        assertThat(us.display(stored)).isEqualTo(stored);
        assertThat(us.international(stored)).isEqualTo(stored);
    }
}
