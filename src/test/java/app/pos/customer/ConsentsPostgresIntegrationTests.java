package app.pos.customer;

import static app.pos.support.Api.putJson;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniqueName;
import static app.pos.support.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.audit.AuditAction;
import app.pos.audit.AuditLog;
import app.pos.shared.CustomerDetails;
import app.pos.support.Customers;
import app.pos.support.ImportFixtures;
import app.pos.support.PostgresIntegrationTest;
import app.pos.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Consent rules that need the real database: concurrent decisions, the import, merges and erasure. */
@PostgresIntegrationTest
class ConsentsPostgresIntegrationTests {

    @Autowired
    Consents consents;

    @Autowired
    CustomerService customers;

    @Autowired
    CustomerMerge merge;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    UUID customer() {
        return Customers.withPhone(customers, uniqueName("Consent")).id();
    }

    @Test
    void concurrentPutsOfOneChannelLeaveAHistoryOfChangesEndingInTheCurrentState() throws Exception {
        UUID id = customer();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> decisions = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String state = ThreadLocalRandom.current().nextBoolean() ? "GRANTED" : "WITHDRAWN";
            decisions.add(() -> mvc.perform(
                            putJson("/api/v1/customers/" + id + "/consents/EMAIL", object("state", state))
                                    .with(cashier()))
                    .andReturn()
                    .getResponse()
                    .getStatus());
        }
        try {
            for (Future<Integer> done : pool.invokeAll(decisions)) {
                assertThat(done.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }

        List<ConsentItem> history = consents.history(id);
        assertThat(history).isNotEmpty();
        for (int i = 1; i < history.size(); i++) {
            assertThat(history.get(i).state())
                    .as("every entry is a change from the one before")
                    .isNotEqualTo(history.get(i - 1).state());
        }
        assertThat(consents.current(id).get(0)).isEqualTo(history.get(0));
        assertThat(audit.about(id))
                .filteredOn(e -> e.action() == AuditAction.CONSENT_CHANGED)
                .hasSize(history.size());
    }

    @Test
    void hasGrantedFollowsTheCurrentState() {
        UUID id = customer();
        assertThat(consents.hasGranted(id, ConsentChannel.SMS)).isFalse();

        consents.record(id, ConsentChannel.SMS, ConsentState.GRANTED, ConsentSource.TILL);
        assertThat(consents.hasGranted(id, ConsentChannel.SMS)).isTrue();
        assertThat(consents.hasGranted(id, ConsentChannel.EMAIL)).isFalse();

        consents.record(id, ConsentChannel.SMS, ConsentState.WITHDRAWN, ConsentSource.UNSUBSCRIBE_LINK);
        assertThat(consents.hasGranted(id, ConsentChannel.SMS)).isFalse();
        assertThat(consents.hasGranted(UUID.randomUUID(), ConsentChannel.SMS)).isFalse();
    }

    @Test
    void deletingTheCustomerRemovesTheirConsents() {
        UUID id = customer();
        consents.record(id, ConsentChannel.EMAIL, ConsentState.GRANTED, ConsentSource.TILL);
        consents.record(id, ConsentChannel.EMAIL, ConsentState.WITHDRAWN, ConsentSource.TILL);

        customers.delete(id);

        assertThat(rows("customer_consents", id)).isZero();
        assertThat(rows("customer_consent_history", id)).isZero();
    }

    @Test
    void aMergeKeepsTheNewerDecisionPerChannelAndTheWholeHistory() {
        UUID kept = customer();
        UUID removed = customer();
        at("2026-01-01T10:00:00Z");
        consents.record(kept, ConsentChannel.EMAIL, ConsentState.GRANTED, ConsentSource.TILL);
        consents.record(removed, ConsentChannel.SMS, ConsentState.GRANTED, ConsentSource.TILL);
        at("2026-02-01T10:00:00Z");
        consents.record(removed, ConsentChannel.EMAIL, ConsentState.WITHDRAWN, ConsentSource.UNSUBSCRIBE_LINK);
        consents.record(kept, ConsentChannel.SMS, ConsentState.WITHDRAWN, ConsentSource.BACK_OFFICE);
        consents.record(removed, ConsentChannel.LOYALTY, ConsentState.GRANTED, ConsentSource.TILL);

        CustomerView survivor = customers.get(kept);
        merge.merge(
                new CustomerMerge.Command(
                        kept,
                        removed,
                        new CustomerDetails(survivor.name(), survivor.phone(), null, null, survivor.notes())),
                "manager");

        assertThat(consents.current(kept))
                .extracting(ConsentItem::channel, ConsentItem::state, ConsentItem::source)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                ConsentChannel.EMAIL, ConsentState.WITHDRAWN, ConsentSource.UNSUBSCRIBE_LINK),
                        org.assertj.core.groups.Tuple.tuple(
                                ConsentChannel.SMS, ConsentState.WITHDRAWN, ConsentSource.BACK_OFFICE),
                        org.assertj.core.groups.Tuple.tuple(
                                ConsentChannel.LOYALTY, ConsentState.GRANTED, ConsentSource.TILL));
        assertThat(consents.history(kept)).hasSize(5);
        assertThat(rows("customer_consents", removed)).isZero();
        assertThat(rows("customer_consent_history", removed)).isZero();
    }

    @Test
    void importedMarketingColumnsBecomeConsentsWithSourceImportOnce() throws Exception {
        String tag = "c" + UUID.randomUUID().toString().substring(0, 8);
        String file = ImportFixtures.own(ImportFixtures.SHOPIFY, tag);
        importFile(file);
        UUID grace = byExternalId("shopify", "7398802653250-" + tag);
        UUID zoe = byExternalId("shopify", "7398802653251-" + tag);

        assertThat(consents.current(grace))
                .extracting(ConsentItem::state)
                .containsExactly(ConsentState.GRANTED, ConsentState.WITHDRAWN, ConsentState.NOT_ASKED);
        assertThat(consents.current(zoe))
                .extracting(ConsentItem::state)
                .containsExactly(ConsentState.WITHDRAWN, ConsentState.GRANTED, ConsentState.NOT_ASKED);
        ConsentItem email = consents.current(grace).get(0);
        assertThat(email.source()).isEqualTo(ConsentSource.IMPORT);
        assertThat(email.wordingVersion()).as("no wording of ours was shown").isNull();
        assertThat(email.recordedBy()).isEqualTo("manager");

        consents.record(grace, ConsentChannel.EMAIL, ConsentState.WITHDRAWN, ConsentSource.TILL);
        importFile(file);

        assertThat(consents.current(grace).get(0).state())
                .as("importing the same file again does not undo a decision taken since")
                .isEqualTo(ConsentState.WITHDRAWN);
        assertThat(consents.history(grace)).hasSize(3);
        assertThat(consents.history(zoe)).hasSize(2);
    }

    @Test
    void squareSubscriptionStatusesMapToGrantedWithdrawnOrNothing() throws Exception {
        String tag = "c" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String file = ImportFixtures.own(ImportFixtures.SQUARE, tag);
        importFile(file);

        assertThat(emailOf(byExternalId("square", "ZQ4B7K1M9D2E5F8G3H6J0N1P2R-" + tag)))
                .isEqualTo(ConsentState.GRANTED);
        assertThat(emailOf(byExternalId("square", "XK2M8P4Q6R1S3T5V7W9Y0A2B4C-" + tag)))
                .isEqualTo(ConsentState.WITHDRAWN);
        UUID unknown = byExternalId("square", "WD3F5H7J9K1L3M5N7P9Q1R3S5T-" + tag);
        assertThat(emailOf(unknown)).isEqualTo(ConsentState.NOT_ASKED);
        assertThat(consents.history(unknown)).isEmpty();
    }

    private ConsentState emailOf(UUID id) {
        return consents.current(id).get(0).state();
    }

    private void importFile(String file) throws Exception {
        mvc.perform(multipart("/api/v1/customers/imports")
                        .file(new MockMultipartFile(
                                "file", "customers.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)))
                        .with(manager()))
                .andExpect(status().isOk());
    }

    private UUID byExternalId(String source, String externalId) {
        return jdbc.sql("SELECT customer_id FROM customer_external_ids WHERE source = :source AND external_id = :id")
                .param("source", source)
                .param("id", externalId)
                .query(UUID.class)
                .single();
    }

    private long rows(String table, UUID customer) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE customer_id = :id")
                .param("id", customer)
                .query(Long.class)
                .single();
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }
}
