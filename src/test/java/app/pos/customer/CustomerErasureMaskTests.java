package app.pos.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The retention preview shows names as initials: enough to recognise a sample, not to identify anyone. */
class CustomerErasureMaskTests {

    @Test
    void aNameBecomesItsInitials() {
        assertThat(CustomerErasure.mask("Ada Lovelace")).isEqualTo("A. L. •••");
        assertThat(CustomerErasure.mask("  Zoë   van der Berg ")).isEqualTo("Z. v. d. B. •••");
        assertThat(CustomerErasure.mask("𝓐lice"))
                .as("a letter outside the BMP stays whole")
                .isEqualTo("𝓐. •••");
        assertThat(CustomerErasure.mask("")).isEqualTo("•••");
        assertThat(CustomerErasure.mask(null)).isEqualTo("•••");
    }
}
