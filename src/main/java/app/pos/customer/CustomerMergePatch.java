package app.pos.customer;

import app.pos.shared.CustomerDetails;
import app.pos.shared.FieldError;
import app.pos.shared.InvalidInput;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * A JSON merge patch (RFC 7396) of a customer's details: a member left out keeps its value, {@code null} clears
 * it, a string replaces it. The patched details then go through {@link ContactMasking#edit}, as a PUT's do: masked
 * values sent back stand for the stored ones, and they are validated exactly as a new customer's are, so the name
 * can be changed but not cleared.
 */
@Component
class CustomerMergePatch {

    static final String MEDIA_TYPE = "application/merge-patch+json";

    /** The members a patch may carry; what the API documents for it. */
    @Schema(
            name = "CustomerPatch",
            description = "Members left out stay as they are; null clears one (the name cannot be cleared).")
    record Document(
            @Schema(nullable = true, maxLength = 200) String name,
            @Schema(nullable = true, maxLength = 40) String phone,
            @Schema(nullable = true, maxLength = 254) String email,
            @Schema(nullable = true, maxLength = 500) String address,
            @Schema(nullable = true, maxLength = 1000) String notes,

            @Schema(nullable = true, description = "`--09-21` or `1990-09-21`", example = "--09-21")
            String birthday,

            @Schema(nullable = true, description = "YYYY-MM-DD, from 1900-01-01 to today")
            String anniversary,

            @Schema(nullable = true, description = "Replaces all the tags; at most 20")
            List<String> tags) {}

    private static final Set<String> FIELDS = Set.of("name", "phone", "email", "address", "notes");
    private static final Set<String> PROFILE_FIELDS = Set.of("birthday", "anniversary", "tags");

    /**
     * The customer's details with the patch applied, or an {@link InvalidInput} naming each member that is not a
     * string or null. Not yet validated: {@link ContactMasking#edit} does that.
     */
    CustomerDetails apply(CustomerView current, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw InvalidInput.field("body", "must be a JSON object (a merge patch)");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", current.name());
        values.put("phone", current.phone());
        values.put("email", current.email());
        values.put("address", current.address());
        values.put("notes", current.notes());
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String field = member.getKey();
            JsonNode value = member.getValue();
            if (PROFILE_FIELDS.contains(field)) {
                continue; // see profile()
            } else if (!FIELDS.contains(field)) {
                errors.add(new FieldError(field, "is not a customer detail that can be changed"));
            } else if (value.isNull()) {
                values.put(field, null);
            } else if (value.isString()) {
                values.put(field, value.asString());
            } else {
                errors.add(new FieldError(field, "must be a string or null"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields(errors);
        }
        String notes = values.get("notes");
        return new CustomerDetails(
                values.get("name"),
                values.get("phone"),
                values.get("email"),
                values.get("address"),
                notes == null ? "" : notes);
    }

    /**
     * The customer's profile with the patch's {@code birthday}, {@code anniversary} and {@code tags} applied and
     * validated, or null when the patch has none of them (the profile stays as it is).
     */
    CustomerProfile profile(CustomerView current, JsonNode patch, LocalDate today) {
        if (PROFILE_FIELDS.stream().noneMatch(patch::has)) {
            return null;
        }
        String birthday = current.birthday();
        String anniversary =
                current.anniversary() == null ? null : current.anniversary().toString();
        List<String> tags = current.tags();
        List<FieldError> errors = new ArrayList<>();
        if (patch.has("birthday")) {
            birthday = stringOrNull(patch.get("birthday"), "birthday", errors);
        }
        if (patch.has("anniversary")) {
            anniversary = stringOrNull(patch.get("anniversary"), "anniversary", errors);
        }
        if (patch.has("tags")) {
            JsonNode value = patch.get("tags");
            tags = new ArrayList<>();
            if (value.isArray()) {
                for (JsonNode tag : value) {
                    if (tag.isString()) {
                        tags.add(tag.asString());
                    } else {
                        errors.add(new FieldError("tags", "must be an array of strings or null"));
                        break;
                    }
                }
            } else if (!value.isNull()) {
                errors.add(new FieldError("tags", "must be an array of strings or null"));
            }
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.fields(errors);
        }
        return CustomerProfile.parse(birthday, anniversary, tags, today);
    }

    private static String stringOrNull(JsonNode value, String field, List<FieldError> errors) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            errors.add(new FieldError(field, "must be a string or null"));
            return null;
        }
        return value.asString();
    }
}
