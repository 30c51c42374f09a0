package app.pos.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImportedConsentTests {

    @Test
    void importedStatusesAreReadAsOtherSystemsWriteThem() {
        assertThat(ImportedConsent.state("subscribed")).contains(ConsentState.GRANTED);
        assertThat(ImportedConsent.state(" Yes ")).contains(ConsentState.GRANTED);
        assertThat(ImportedConsent.state("opted-in")).contains(ConsentState.GRANTED);
        assertThat(ImportedConsent.state("unsubscribed")).contains(ConsentState.WITHDRAWN);
        assertThat(ImportedConsent.state("NOT_SUBSCRIBED")).contains(ConsentState.WITHDRAWN);
        assertThat(ImportedConsent.state("no")).contains(ConsentState.WITHDRAWN);
        assertThat(ImportedConsent.state("unknown")).isEmpty();
        assertThat(ImportedConsent.state("pending")).isEmpty();
        assertThat(ImportedConsent.state("")).isEmpty();
        assertThat(ImportedConsent.state(null)).isEmpty();
    }
}
