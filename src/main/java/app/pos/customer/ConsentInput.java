package app.pos.customer;

import app.pos.shared.FieldError;
import app.pos.shared.InvalidInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads channels, states and sources as clients write them, with a problem naming the field for anything else.
 * Only {@code GRANTED} and {@code WITHDRAWN} can be recorded: {@code NOT_ASKED} is what nothing recorded means.
 */
public final class ConsentInput {

    private static final String STATES = "GRANTED, WITHDRAWN";

    private ConsentInput() {}

    public static ConsentChannel channel(String field, String value) {
        return parse(ConsentChannel.class, field, value, all(ConsentChannel.values()));
    }

    /** A state a client may record: GRANTED or WITHDRAWN. */
    public static ConsentState state(String field, String value) {
        ConsentState state = parse(ConsentState.class, field, value, STATES);
        if (state == ConsentState.NOT_ASKED) {
            throw InvalidInput.field(field, "must be one of: " + STATES + " (NOT_ASKED cannot be recorded)");
        }
        return state;
    }

    /** The source, or {@code fallback} when none is given. */
    public static ConsentSource source(String field, String value, ConsentSource fallback) {
        return value == null ? fallback : parse(ConsentSource.class, field, value, all(ConsentSource.values()));
    }

    /** A map of channel to state ({@code {"EMAIL": "GRANTED"}}), every invalid entry reported under {@code field}. */
    public static Map<ConsentChannel, ConsentState> states(String field, Map<String, String> consents) {
        Map<ConsentChannel, ConsentState> states = new EnumMap<>(ConsentChannel.class);
        if (consents == null) {
            return states;
        }
        List<FieldError> errors = new ArrayList<>();
        consents.forEach((channel, state) -> {
            try {
                ConsentChannel parsed = channel(field + "." + channel, channel);
                states.put(parsed, state(field + "." + channel, state));
            } catch (InvalidInput invalid) {
                errors.addAll(invalid.errors());
            }
        });
        if (!errors.isEmpty()) {
            throw InvalidInput.fields(errors);
        }
        return states;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value, String allowed) {
        if (value == null || value.isBlank()) {
            throw InvalidInput.field(field, "is required: one of " + allowed);
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw InvalidInput.field(field, "'" + shorten(value) + "' is not one of: " + allowed);
        }
    }

    private static String shorten(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static String all(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
