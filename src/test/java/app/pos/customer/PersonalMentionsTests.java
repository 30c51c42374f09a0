package app.pos.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Texts that outlive the person (an erasure's reason in the audit log, a loyalty adjustment's reason in the ledger)
 * must not name them.
 */
class PersonalMentionsTests {

    private static final CustomerView ADA = new CustomerView(
            UUID.randomUUID(),
            "Ada Lovelace",
            "+14155550132",
            "ada@example.com",
            "1 Loop Lane",
            null,
            BigDecimal.ZERO,
            0,
            null,
            OffsetDateTime.now(),
            OffsetDateTime.now(),
            null,
            null,
            List.of());

    @Test
    void aReasonWithTheirNameEmailOrPhoneIsRefused() {
        assertThat(PersonalMentions.namesThePerson("Asked by Ada Lovelace", ADA))
                .isTrue();
        assertThat(PersonalMentions.namesThePerson("lovelace asked", ADA))
                .as("a word of the name, any case")
                .isTrue();
        assertThat(PersonalMentions.namesThePerson("mail from ADA@example.com", ADA))
                .isTrue();
        assertThat(PersonalMentions.namesThePerson("called from (415) 555-0132", ADA))
                .isTrue();
        assertThat(PersonalMentions.namesThePerson("number ending 0132", ADA))
                .as("the last four digits")
                .isTrue();
        assertThat(PersonalMentions.namesThePerson("+1 415 555 0132", ADA)).isTrue();
        assertThat(PersonalMentions.namesThePerson("order 15550132999", ADA))
                .as("the phone's last seven digits inside a longer number")
                .isTrue();
    }

    @Test
    void anOrdinaryReasonPasses() {
        assertThat(PersonalMentions.namesThePerson("Customer's request of 2026-12-02 by e-mail, ticket 77", ADA))
                .isFalse();
        assertThat(PersonalMentions.namesThePerson("Adamant request in the shop", ADA))
                .as("a name inside another word is not the name")
                .isFalse();
        assertThat(PersonalMentions.namesThePerson("Request 2026", ADA)).isFalse();
    }
}
