package app.pos.shared;

/** One invalid field of a request, as listed in a problem body's {@code errors}. */
public record FieldError(String field, String message) {}
