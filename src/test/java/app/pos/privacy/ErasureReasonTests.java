package app.pos.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import app.pos.customer.CustomerView;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The erasure's reason outlives the person in the audit log, so it must not name them. */
class ErasureReasonTests {

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
            OffsetDateTime.now());

    @Test
    void aReasonWithTheirNameEmailOrPhoneIsRefused() {
        assertThat(Erasure.namesThePerson("Asked by Ada Lovelace", ADA)).isTrue();
        assertThat(Erasure.namesThePerson("lovelace asked", ADA))
                .as("a word of the name, any case")
                .isTrue();
        assertThat(Erasure.namesThePerson("mail from ADA@example.com", ADA)).isTrue();
        assertThat(Erasure.namesThePerson("called from (415) 555-0132", ADA)).isTrue();
        assertThat(Erasure.namesThePerson("number ending 0132", ADA))
                .as("the last four digits")
                .isTrue();
        assertThat(Erasure.namesThePerson("+1 415 555 0132", ADA)).isTrue();
    }

    @Test
    void anOrdinaryReasonPasses() {
        assertThat(Erasure.namesThePerson("Customer's request of 2026-12-02 by e-mail, ticket 77", ADA))
                .isFalse();
        assertThat(Erasure.namesThePerson("Adamant request in the shop", ADA))
                .as("a name inside another word is not the name")
                .isFalse();
        assertThat(Erasure.namesThePerson("Request 2026", ADA)).isFalse();
    }
}
