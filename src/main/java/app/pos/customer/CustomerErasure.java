package app.pos.customer;

import app.pos.order.LegacyOrders;
import app.pos.order.OrderSnapshots;
import app.pos.shared.PhoneNumbers;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure (GDPR Art. 17) that keeps the books: the customer record goes (consents and external ids with it), and
 * their name, phone, e-mail, address and notes go from every copy: their orders' snapshots and notes (also legacy
 * orders still unlinked that carry their number), the merge records they were part of on either side, and the
 * other features' copies ({@link PersonalDataCopies}). Order numbers, dates, lines, totals, tax and payment stay.
 * A tombstone ({@code erased_customers}, id and time only) makes the id answer 410 Gone. Every step is one
 * statement for the whole batch, so the retention job erases a thousand customers in a handful of round trips.
 * Publishes {@link CustomerErased} for each, in the transaction.
 */
@Service
public class CustomerErasure {

    /** What one erasure did. */
    public record Erased(UUID customerId, OffsetDateTime erasedAt, int ordersScrubbed) {}

    /** A customer the retention policy would erase, as a preview shows them: masked name and last activity. */
    public record Inactive(UUID customerId, String maskedName) {}

    private final ErasureRepository erasure;
    private final OrderSnapshots snapshots;
    private final LegacyOrders legacyOrders;
    private final List<PersonalDataCopies> copies;
    private final PhoneNumbers phones;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerErasure(
            ErasureRepository erasure,
            OrderSnapshots snapshots,
            LegacyOrders legacyOrders,
            List<PersonalDataCopies> copies,
            PhoneNumbers phones,
            ApplicationEventPublisher events,
            Clock clock) {
        this.erasure = erasure;
        this.snapshots = snapshots;
        this.legacyOrders = legacyOrders;
        this.copies = copies;
        this.phones = phones;
        this.events = events;
        this.clock = clock;
    }

    /** Erases one customer: 410 ({@link CustomerGone}) when already erased, 404 when there is no such customer. */
    @Transactional
    public Erased erase(UUID id) {
        if (erasure.isErased(id)) {
            throw CustomerGone.erased(id);
        }
        List<ErasureRepository.Row> rows = erasure.lock(id);
        if (rows.isEmpty()) {
            // a concurrent erasure of the same id committed while this one waited for the lock
            if (erasure.isErased(id)) {
                throw CustomerGone.erased(id);
            }
            throw CustomerNotFound.byId(id);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new Erased(id, now, eraseLocked(rows, now));
    }

    /**
     * Erases up to {@code limit} customers with no visit and no change since {@code cutoff} (last visit, or
     * creation when they never came, and last change both older), in the caller's transaction.
     *
     * @return the ids erased; fewer than {@code limit} when no more are left
     */
    @Transactional
    public List<UUID> eraseInactive(OffsetDateTime cutoff, int limit) {
        List<ErasureRepository.Row> rows = erasure.lockInactive(cutoff, limit);
        if (!rows.isEmpty()) {
            eraseLocked(rows, OffsetDateTime.now(clock));
        }
        return rows.stream().map(ErasureRepository.Row::id).toList();
    }

    /** How many customers have had no visit and no change since {@code cutoff}. */
    @Transactional(readOnly = true)
    public long countInactive(OffsetDateTime cutoff) {
        return erasure.countInactive(cutoff);
    }

    /** Some of them, longest inactive first, with the name masked to initials. */
    @Transactional(readOnly = true)
    public List<Inactive> sampleInactive(OffsetDateTime cutoff, int limit) {
        return erasure.sampleInactive(cutoff, limit).stream()
                .map(r -> new Inactive(r.id(), mask(r.name())))
                .toList();
    }

    /** Whether this id belongs to an erased customer. */
    @Transactional(readOnly = true)
    public boolean isErased(UUID id) {
        return erasure.isErased(id);
    }

    private int eraseLocked(List<ErasureRepository.Row> rows, OffsetDateTime now) {
        List<UUID> ids = rows.stream().map(ErasureRepository.Row::id).toList();
        Set<UUID> withMerged = erasure.withMergedAway(ids);
        List<ErasureRepository.Row> people = new ArrayList<>(rows);
        people.addAll(erasure.mergedContacts(withMerged));
        int scrubbed = snapshots.scrubCustomers(ids);
        scrubbed += snapshots.scrubOrders(unlinkedLegacyOrdersOf(people));
        erasure.scrubMerges(withMerged);
        List<PersonalDataCopies.ErasedContact> contacts = people.stream()
                .map(p -> new PersonalDataCopies.ErasedContact(p.name(), p.phone(), p.email()))
                .toList();
        copies.forEach(copy -> copy.forget(contacts));
        erasure.delete(ids, now);
        ids.forEach(id -> events.publishEvent(new CustomerErased(id)));
        return scrubbed;
    }

    /**
     * Legacy orders not linked to anyone that carry one of these phones: the backfill would otherwise make a new
     * customer of the erased one from them.
     */
    private List<UUID> unlinkedLegacyOrdersOf(Collection<ErasureRepository.Row> people) {
        Set<String> numbers = people.stream()
                .map(ErasureRepository.Row::phone)
                .filter(p -> p != null && !p.isEmpty())
                .collect(Collectors.toSet());
        if (numbers.isEmpty()) {
            return List.of();
        }
        return legacyOrders.unlinked().stream()
                .filter(o -> phones.toE164(o.customerNumber())
                        .filter(numbers::contains)
                        .isPresent())
                .map(LegacyOrders.Unlinked::id)
                .toList();
    }

    /** "Ada Lovelace" → "A. L. •••": enough to recognise a sample, not to identify anyone. */
    static String mask(String name) {
        if (name == null || name.isBlank()) {
            return "•••";
        }
        StringBuilder out = new StringBuilder();
        for (String word : name.strip().split("\\s+")) {
            out.append(word.codePoints()
                            .limit(1)
                            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append))
                    .append(". ");
        }
        return out.append("•••").toString();
    }
}
