package app.pos.customer;

import app.pos.audit.AuditAction;
import app.pos.audit.AuditLog;
import app.pos.order.CustomerOrders;
import app.pos.shared.CustomerDetails;
import app.pos.shared.FieldError;
import app.pos.shared.InvalidInput;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges two customer records into one, in a single transaction: both rows locked, every order moved to the
 * survivor (one UPDATE, however many orders), the other systems' ids of the removed record given to the survivor,
 * birthday, anniversary and tags joined ({@link CustomerProfile#merged}), consents joined (the removed record's history moves over; per channel the newer decision of the two becomes the
 * survivor's), the other record deleted, the chosen contact values saved, the survivor's statistics rebuilt from all their
 * orders, the merge recorded (also in the audit log) and {@link CustomersMerged} published. Either all of it happens or none. A phone or
 * email of either record that the chosen values do not keep is written into the survivor's notes
 * ({@link MergeNotes}), as are the other record's notes.
 */
@Service
public class CustomerMerge {

    private static final int MAX_NOTES = 1000;

    private final CustomerService customers;
    private final CustomerRepository repository;
    private final CustomerStats stats;
    private final CustomerOrders customerOrders;
    private final MergeRecords records;
    private final MergeNotes notes;
    private final ExternalIds externalIds;
    private final MarketingConsents consents;
    private final ConsentRepository consentRecords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Validator validator;
    private final AuditLog audit;
    private final ProfileRepository profiles;

    CustomerMerge(
            CustomerService customers,
            CustomerRepository repository,
            CustomerStats stats,
            CustomerOrders customerOrders,
            MergeRecords records,
            MergeNotes notes,
            ExternalIds externalIds,
            MarketingConsents consents,
            ConsentRepository consentRecords,
            ApplicationEventPublisher events,
            Clock clock,
            Validator validator,
            AuditLog audit,
            ProfileRepository profiles) {
        this.customers = customers;
        this.repository = repository;
        this.stats = stats;
        this.customerOrders = customerOrders;
        this.records = records;
        this.notes = notes;
        this.externalIds = externalIds;
        this.consents = consents;
        this.consentRecords = consentRecords;
        this.events = events;
        this.clock = clock;
        this.validator = validator;
        this.audit = audit;
        this.profiles = profiles;
    }

    /** The merged record's values for the survivor: each field taken from one of the two records. */
    public record Command(UUID survivorId, UUID mergedId, CustomerDetails result) {}

    public record Result(CustomerView survivor, int ordersMoved, boolean statsWereOff) {}

    /**
     * The merge screen's proposal for {@code a} and {@code b}: the survivor ({@code survivorId}, or by default the
     * one with more visits), the values (the {@code chosen} ones, or by default the survivor's where it has them)
     * and the notes the survivor will have.
     */
    @Transactional(readOnly = true)
    public MergePlan plan(UUID a, UUID b, UUID survivorId, CustomerDetails chosen) {
        CustomerView first = customers.get(a);
        CustomerView second = customers.get(b);
        UUID kept =
                b.equals(survivorId) || a.equals(survivorId) ? survivorId : MergePlan.defaultSurvivor(first, second);
        CustomerView survivor = kept.equals(a) ? first : second;
        CustomerView other = kept.equals(a) ? second : first;
        CustomerDetails values =
                chosen == null || chosen.name() == null || chosen.name().isBlank()
                        ? MergePlan.defaultValues(survivor, other)
                        : chosen;
        String after;
        try {
            after = notes.after(survivor, other, values);
        } catch (InvalidInput unreadable) {
            after = null;
        }
        return new MergePlan(first, second, kept, values, after);
    }

    @Transactional
    public Result merge(Command command, String staff) {
        if (command.survivorId().equals(command.mergedId())) {
            throw InvalidInput.field("mergedId", "choose two different customers");
        }
        rejectInvalid(command.result());
        Map<UUID, CustomerView> locked = lockPair(command.survivorId(), command.mergedId());
        CustomerView merged = locked.get(command.mergedId());
        if (merged == null) {
            throw new MergeProblems.AlreadyMerged(command.mergedId());
        }
        if (!locked.containsKey(command.survivorId())) {
            throw CustomerNotFound.byId(command.survivorId());
        }
        int moved = customerOrders.moveOrders(merged.id(), command.survivorId());
        externalIds.move(merged.id(), command.survivorId());
        consents.move(merged.id(), command.survivorId());
        consentRecords.move(merged.id(), command.survivorId());
        CustomerProfile profile = CustomerProfile.merged(
                locked.get(command.survivorId())
                        .withTags(profiles.tags(command.survivorId()))
                        .profile(),
                merged.withTags(profiles.tags(merged.id())).profile());
        repository.delete(merged.id());
        CustomerDetails chosen = command.result();
        String notesAfter = notes.after(locked.get(command.survivorId()), merged, chosen);
        if (notesAfter != null && notesAfter.length() > MAX_NOTES) {
            throw InvalidInput.field(
                    "notes", "the merged notes would be longer than 1000 characters; shorten them first");
        }
        CustomerView survivor = customers.update(
                command.survivorId(),
                new CustomerDetails(
                        chosen.name(),
                        chosen.phone(),
                        chosen.email(),
                        chosen.address(),
                        notesAfter == null ? "" : notesAfter),
                profile);
        boolean off = stats.recompute(survivor.id());
        records.insert(survivor.id(), merged, moved, staff, OffsetDateTime.now(clock));
        events.publishEvent(new CustomersMerged(survivor.id(), merged.id()));
        audit.record(AuditAction.CUSTOMERS_MERGED, survivor.id(), "removed=" + merged.id() + ", ordersMoved=" + moved);
        return new Result(customers.get(survivor.id()), moved, off);
    }

    /** The first message per field, in the order Bean Validation reports them. */
    private void rejectInvalid(CustomerDetails result) {
        Map<String, String> invalid = new LinkedHashMap<>();
        for (ConstraintViolation<CustomerDetails> violation : validator.validate(result)) {
            invalid.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        if (!invalid.isEmpty()) {
            throw InvalidInput.fields(invalid.entrySet().stream()
                    .map(e -> new FieldError(e.getKey(), e.getValue()))
                    .toList());
        }
    }

    /** Locks both rows in id order, so two merges of the same pair cannot deadlock; a missing one is absent. */
    private Map<UUID, CustomerView> lockPair(UUID a, UUID b) {
        Map<UUID, CustomerView> locked = new HashMap<>();
        for (UUID id : a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a)) {
            repository.lockById(id).ifPresent(c -> locked.put(id, c));
        }
        return locked;
    }
}
