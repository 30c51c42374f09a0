package app.pos.privacy;

import app.pos.audit.AuditAction;
import app.pos.audit.AuditLog;
import app.pos.customer.CustomerErasure;
import app.pos.customer.CustomerGone;
import app.pos.customer.CustomerService;
import app.pos.customer.CustomerView;
import app.pos.customer.PersonalMentions;
import app.pos.shared.InvalidInput;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure on request: checks the reason, erases the customer ({@link CustomerErasure}) and writes the audit entry,
 * all in one transaction. The reason is kept in the audit entry ("request: …"), so it must not name the person:
 * one holding their name, phone digits or e-mail is refused, since the entry outlives them.
 */
@Service
public class Erasure {

    public static final int MAX_REASON = 200;

    /** Why the customer is erased (their request of a date, a ticket number), without their personal data. */
    public record Request(
            @NotBlank(message = "must not be blank")
            @Size(max = MAX_REASON, message = "must be at most " + MAX_REASON + " characters")
            @Schema(example = "Customer's request of 2 December, by e-mail")
            String reason) {}

    /** What an erasure did: when, and how many orders lost their contact snapshot (their totals stay). */
    public record Result(UUID customerId, OffsetDateTime erasedAt, int ordersScrubbed) {}

    private final CustomerService customers;
    private final CustomerErasure erasure;
    private final AuditLog audit;

    Erasure(CustomerService customers, CustomerErasure erasure, AuditLog audit) {
        this.customers = customers;
        this.erasure = erasure;
        this.audit = audit;
    }

    @Transactional
    public Result erase(UUID id, String reason) {
        if (erasure.isErased(id)) {
            throw CustomerGone.erased(id);
        }
        CustomerView customer = customers.get(id);
        String cleaned = reason == null ? "" : reason.strip();
        if (cleaned.isEmpty()) {
            throw InvalidInput.field("reason", "must not be blank");
        }
        if (PersonalMentions.namesThePerson(cleaned, customer)) {
            throw InvalidInput.field("reason", "must not hold the customer's name, phone number or e-mail");
        }
        CustomerErasure.Erased erased = erasure.erase(id);
        audit.record(AuditAction.CUSTOMER_ERASED, id, "request: " + cleaned);
        return new Result(erased.customerId(), erased.erasedAt(), erased.ordersScrubbed());
    }
}
