package app.pos.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bean Validation for page forms: the first message per field, keyed by field path, for "error next to the field". */
public final class FormErrors {

    private FormErrors() {}

    public static Map<String, String> of(Validator validator, Object form) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<Object> violation : validator.validate(form)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
        }
        return errors;
    }
}
