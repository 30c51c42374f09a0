package app.pos.customer;

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
 * survivor (one UPDATE, however many orders), the other record deleted, the chosen contact values saved, the
 * survivor's statistics rebuilt from all their orders, the merge recorded and {@link CustomersMerged} published.
 * Either all of it happens or none.
 */
@Service
public class CustomerMerge {

    private final CustomerService customers;
    private final CustomerRepository repository;
    private final CustomerStats stats;
    private final CustomerOrders customerOrders;
    private final MergeRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Validator validator;

    CustomerMerge(
            CustomerService customers,
            CustomerRepository repository,
            CustomerStats stats,
            CustomerOrders customerOrders,
            MergeRecords records,
            ApplicationEventPublisher events,
            Clock clock,
            Validator validator) {
        this.customers = customers;
        this.repository = repository;
        this.stats = stats;
        this.customerOrders = customerOrders;
        this.records = records;
        this.events = events;
        this.clock = clock;
        this.validator = validator;
    }

    /** The merged record's values for the survivor: each field taken from one of the two records. */
    public record Command(UUID survivorId, UUID mergedId, CustomerDetails result) {}

    public record Result(CustomerView survivor, int ordersMoved, boolean statsWereOff) {}

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
        repository.delete(merged.id());
        CustomerView survivor = customers.update(command.survivorId(), command.result());
        boolean off = stats.recompute(survivor.id());
        records.insert(survivor.id(), merged, moved, staff, OffsetDateTime.now(clock));
        events.publishEvent(new CustomersMerged(survivor.id(), merged.id()));
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
