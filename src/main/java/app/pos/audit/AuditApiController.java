package app.pos.audit;

import app.pos.shared.FieldError;
import app.pos.shared.InvalidInput;
import app.pos.shared.PageResult;
import app.pos.shared.ShopTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for an ADMIN (the security configuration says who). */
@RestController
@Tag(name = "Privacy")
class AuditApiController {

    private static final String TIME = "An ISO-8601 date-time with offset (`2026-05-01T09:00:00+02:00`) or a date "
            + "(`2026-05-01`, in the shop's time zone)";

    private static final String TIME_HINT = "an ISO-8601 date-time with offset or a date (yyyy-MM-dd)";

    private final AuditQuery query;
    private final ShopTime time;

    AuditApiController(AuditQuery query, ShopTime time) {
        this.query = query;
        this.time = time;
    }

    @GetMapping(path = "/api/v1/privacy/audit", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "searchAuditLog",
            summary = "The audit log of personal data, newest first (ADMIN)",
            description = "Who viewed, exported, merged, changed or erased which customer's data, and when. Every "
                    + "filter is optional; `from` is inclusive, `to` exclusive (a date as `to` includes that day).")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "403", description = "Only an ADMIN may read the audit log.")
    PageResult<AuditEntry> search(
            @RequestParam(required = false) @Parameter(description = "A customer's id") String customerId,
            @RequestParam(required = false) @Parameter(description = "One of the audit actions") String action,
            @RequestParam(required = false) @Parameter(description = TIME) String from,
            @RequestParam(required = false) @Parameter(description = TIME) String to,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be at least 0") int page,
            @RequestParam(defaultValue = "50")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = AuditQuery.MAX_PAGE_SIZE, message = "must be at most 200")
                    int size) {
        List<FieldError> errors = new ArrayList<>();
        UUID customer = parse(errors, "customerId", customerId, UUID::fromString, "must be a UUID");
        AuditAction what = parse(errors, "action", action, AuditAction::valueOf, "must be one of: " + actions());
        OffsetDateTime since = parse(errors, "from", from, text -> instant(text, false), "must be " + TIME_HINT);
        OffsetDateTime until = parse(errors, "to", to, text -> instant(text, true), "must be " + TIME_HINT);
        if (since != null && until != null && !since.isBefore(until)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields(errors);
        }
        return query.search(new AuditQuery.Filter(customer, what, since, until), page, size);
    }

    /** A date means the start of that day; as the end of a range, the start of the next. */
    private OffsetDateTime instant(String text, boolean end) {
        if (text.length() == 10) {
            LocalDate day = LocalDate.parse(text);
            return (end ? day.plusDays(1) : day).atStartOfDay(time.zone()).toOffsetDateTime();
        }
        return OffsetDateTime.parse(text);
    }

    private interface Parser<T> {
        T parse(String text);
    }

    private static <T> T parse(List<FieldError> errors, String field, String text, Parser<T> parser, String message) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parser.parse(text.strip());
        } catch (IllegalArgumentException | DateTimeParseException invalid) {
            errors.add(new FieldError(field, message));
            return null;
        }
    }

    private static String actions() {
        return Arrays.stream(AuditAction.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
