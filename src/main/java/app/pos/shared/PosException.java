package app.pos.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Base of the typed business exceptions. Each carries the HTTP status, a short title and a detail a person
 * can act on, plus extra properties for the problem body (for example {@code existingCustomerId}).
 * Subclasses are created by static factories named for the situation ({@code CustomerNotFound.byId(id)}).
 */
public abstract class PosException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final Map<String, Object> properties;

    protected PosException(HttpStatus status, String title, String detail) {
        this(status, title, detail, Map.of());
    }

    protected PosException(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.title = title;
        this.properties = new LinkedHashMap<>(properties);
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }
}
