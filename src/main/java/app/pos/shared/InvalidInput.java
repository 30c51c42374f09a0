package app.pos.shared;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Input that passed Bean Validation but breaks a rule only the service can check (a phone, a product id). */
public class InvalidInput extends PosException {

    private final List<FieldError> errors;

    private InvalidInput(List<FieldError> errors) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), Map.of());
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput field(String field, String message) {
        return new InvalidInput(List.of(new FieldError(field, message)));
    }

    public static InvalidInput fields(List<FieldError> errors) {
        return new InvalidInput(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid; see errors.";
    }
}
