package app.pos.backoffice;

import app.pos.customer.CustomerDetails;
import app.pos.customer.CustomerNotFound;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.order.CustomerOrders;
import app.pos.shared.InvalidInput;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges two customer records into one, in a single transaction: both rows locked, every order moved to the
 * survivor (one UPDATE, however many orders), the other record deleted, the chosen contact values saved, the
 * survivor's statistics rebuilt from all their orders, and the merge recorded. Either all of it happens or none.
 */
@Service
public class CustomerMerge {

    private final CustomerService customers;
    private final CustomerOrders customerOrders;
    private final MergeRecords records;
    private final Clock clock;
    private final jakarta.validation.Validator validator;

    CustomerMerge(
            CustomerService customers,
            CustomerOrders customerOrders,
            MergeRecords records,
            Clock clock,
            jakarta.validation.Validator validator) {
        this.validator = validator;
        this.customers = customers;
        this.customerOrders = customerOrders;
        this.records = records;
        this.clock = clock;
    }

    /** The merged record's values for the survivor: each field taken from one of the two records. */
    public record Command(UUID survivorId, UUID mergedId, CustomerDetails result) {}

    public record Result(CustomerView survivor, int ordersMoved, boolean statsWereOff) {}

    @Transactional
    public Result merge(Command command, String staff) {
        if (command.survivorId().equals(command.mergedId())) {
            throw InvalidInput.field("mergedId", "choose two different customers");
        }
        var invalid = app.pos.shared.FormErrors.of(validator, command.result());
        if (!invalid.isEmpty()) {
            throw InvalidInput.fields(invalid.entrySet().stream()
                    .map(e -> new app.pos.shared.FieldError(e.getKey(), e.getValue()))
                    .toList());
        }
        Map<UUID, CustomerView> locked = customers.lockPair(command.survivorId(), command.mergedId());
        CustomerView merged = locked.get(command.mergedId());
        if (merged == null) {
            throw new MergeProblems.AlreadyMerged(command.mergedId());
        }
        if (!locked.containsKey(command.survivorId())) {
            throw CustomerNotFound.byId(command.survivorId());
        }
        int moved = customerOrders.moveOrders(merged.id(), command.survivorId());
        customers.delete(merged.id());
        CustomerView survivor = customers.update(command.survivorId(), command.result());
        boolean off = customerOrders.recomputeStats(survivor.id());
        records.insert(survivor.id(), merged, moved, staff, OffsetDateTime.now(clock));
        return new Result(customers.get(survivor.id()), moved, off);
    }
}
