package app.pos.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactMaskingTests {

    @Test
    void aPhoneShowsItsLastFourDigitsAndBulletsForTheRestOfTheNationalNumber() {
        assertThat(ContactMasking.phone("+14155550132")).isEqualTo("•••-•••-0132");
        assertThat(ContactMasking.phone("+442079460958")).isEqualTo("•••-•••-0958");
        assertThat(ContactMasking.phone("+33612345678")).isEqualTo("•••-••-5678");
        assertThat(ContactMasking.phone(null)).isNull();
    }

    @Test
    void textThatIsNoNumberGivesNothingAway() {
        assertThat(ContactMasking.phone("call me")).isEqualTo("•••");
        assertThat(ContactMasking.phone("0132")).isEqualTo("•••");
    }

    @Test
    void anEmailShowsItsFirstCharacterAndItsDomain() {
        assertThat(ContactMasking.email("ada@example.com")).isEqualTo("a••@example.com");
        assertThat(ContactMasking.email("a@example.com")).isEqualTo("a••@example.com");
        assertThat(ContactMasking.email("éloïse.martin@example.fr")).isEqualTo("é••@example.fr");
        assertThat(ContactMasking.email("no-at-sign")).isEqualTo("•••");
        assertThat(ContactMasking.email(null)).isNull();
    }
}
