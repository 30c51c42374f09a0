package app.pos.customer;

import app.pos.audit.AuditAction;
import app.pos.audit.AuditLog;
import app.pos.shared.InvalidInput;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent per customer and channel: the current state and its append-only history (GDPR Art. 7). Recording a
 * decision updates the current state and appends to the history in one transaction, under a lock on the customer's
 * row, so that the current state is always the history's newest entry. Recording the state a channel already has
 * changes nothing (no history entry, event or audit entry) and returns the current item: the history holds
 * changes only. Each change publishes {@link ConsentChanged} in its transaction and writes a
 * {@link AuditAction#CONSENT_CHANGED} audit entry ("EMAIL GRANTED via TILL"). The wording version recorded is the
 * channel's current one, except for an import (the other system's text was shown, not ours).
 */
@Service
public class Consents {

    private final ConsentRepository repository;
    private final ConsentWordings wordings;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    Consents(
            ConsentRepository repository,
            ConsentWordings wordings,
            ApplicationEventPublisher events,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.wordings = wordings;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records a decision by the logged-in staff user (or none) and returns the channel's current item.
     *
     * @throws CustomerNotFound when there is no such customer
     */
    @Transactional
    public ConsentItem record(UUID customerId, ConsentChannel channel, ConsentState state, ConsentSource source) {
        if (state == ConsentState.NOT_ASKED) {
            throw InvalidInput.field("state", "must be one of: GRANTED, WITHDRAWN (NOT_ASKED cannot be recorded)");
        }
        if (!repository.lockCustomer(customerId)) {
            throw CustomerNotFound.byId(customerId);
        }
        Optional<ConsentItem> current = repository.current(customerId, channel);
        if (current.isPresent() && current.get().state() == state) {
            return current.get();
        }
        Integer version = source == ConsentSource.IMPORT
                ? null
                : wordings.current(channel).version();
        repository.save(
                customerId,
                new ConsentItem(channel, state, source, version, OffsetDateTime.now(clock), LoggedInStaff.name()));
        events.publishEvent(new ConsentChanged(customerId, channel, state, source));
        audit.record(AuditAction.CONSENT_CHANGED, customerId, channel + " " + state + " via " + source);
        return repository.current(customerId, channel).orElseThrow();
    }

    /** Records each channel's decision (a new customer's), in one transaction. */
    @Transactional
    public void recordAll(UUID customerId, Map<ConsentChannel, ConsentState> states, ConsentSource source) {
        states.forEach((channel, state) -> record(customerId, channel, state, source));
    }

    /** One item per channel, in channel order; a channel nothing was recorded for is NOT_ASKED. */
    @Transactional(readOnly = true)
    public List<ConsentItem> current(UUID customerId) {
        requireCustomer(customerId);
        List<ConsentItem> recorded = repository.current(customerId);
        return Arrays.stream(ConsentChannel.values())
                .map(channel -> recorded.stream()
                        .filter(item -> item.channel() == channel)
                        .findFirst()
                        .orElseGet(() -> ConsentItem.notAsked(channel)))
                .toList();
    }

    /** Every decision recorded for the customer, newest first. */
    @Transactional(readOnly = true)
    public List<ConsentItem> history(UUID customerId) {
        requireCustomer(customerId);
        return repository.history(customerId);
    }

    /** Whether the customer has granted the channel (false for an unknown customer). */
    @Transactional(readOnly = true)
    public boolean hasGranted(UUID customerId, ConsentChannel channel) {
        return repository.current(customerId, channel).map(ConsentItem::granted).orElse(false);
    }

    /** How many customers have granted the channel now. */
    @Transactional(readOnly = true)
    public long countGranted(ConsentChannel channel) {
        return repository.countGranted(channel);
    }

    /** How many of these customers have granted the channel now (unknown ids count for nothing). */
    @Transactional(readOnly = true)
    public long countGranted(ConsentChannel channel, Collection<UUID> among) {
        long count = 0;
        for (List<UUID> chunk : InChunks.of(new HashSet<>(among))) {
            count += repository.countGranted(channel, chunk);
        }
        return count;
    }

    private void requireCustomer(UUID customerId) {
        if (!repository.customerExists(customerId)) {
            throw CustomerNotFound.byId(customerId);
        }
    }
}
