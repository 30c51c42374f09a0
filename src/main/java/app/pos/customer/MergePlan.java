package app.pos.customer;

import app.pos.shared.CustomerDetails;
import java.util.UUID;

/**
 * What a merge of {@code a} and {@code b} will do: the record kept, the values it keeps (each field the kept
 * record's, or the other's where the kept one has none, unless chosen otherwise) and the notes it will have.
 */
public record MergePlan(CustomerView a, CustomerView b, UUID survivorId, CustomerDetails values, String notes) {

    /** The record kept unless the user chooses: the one with more visits, on a tie the longer-standing one. */
    static UUID defaultSurvivor(CustomerView a, CustomerView b) {
        if (a.visitCount() != b.visitCount()) {
            return a.visitCount() > b.visitCount() ? a.id() : b.id();
        }
        return b.createdAt().isBefore(a.createdAt()) ? b.id() : a.id();
    }

    /** Each field the kept record's value, or the other's where the kept record has none. */
    static CustomerDetails defaultValues(CustomerView kept, CustomerView other) {
        return new CustomerDetails(
                either(kept.name(), other.name()),
                either(kept.phone(), other.phone()),
                either(kept.email(), other.email()),
                either(kept.address(), other.address()));
    }

    private static String either(String kept, String other) {
        return kept == null || kept.isBlank() ? other : kept;
    }
}
