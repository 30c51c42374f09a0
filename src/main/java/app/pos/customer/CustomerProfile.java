package app.pos.customer;

import app.pos.shared.FieldError;
import app.pos.shared.InvalidInput;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A customer's profile fields: birthday, anniversary (a date the shop cares about, from 1900 to today) and tags
 * (at most {@value #MAX_TAGS}, each 1–{@value #MAX_TAG_LENGTH} characters, once whatever the case, the first
 * spelling kept, sorted ignoring case).
 */
record CustomerProfile(Birthday birthday, LocalDate anniversary, List<String> tags) {

    static final int MAX_TAGS = 20;
    static final int MAX_TAG_LENGTH = 40;

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F]");
    static final Comparator<String> TAG_ORDER =
            Comparator.comparing((String t) -> key(t)).thenComparing(Comparator.naturalOrder());
    static final CustomerProfile EMPTY = new CustomerProfile(null, null, List.of()); // after TAG_ORDER

    CustomerProfile {
        tags = tags == null ? List.of() : tags.stream().sorted(TAG_ORDER).toList();
    }

    /** The lower-cased tag under which it is stored once. */
    static String key(String tag) {
        return tag.toLowerCase(Locale.ROOT);
    }

    String birthdayText() {
        return birthday == null ? null : birthday.toString();
    }

    /** The profile the API sent, or an {@link InvalidInput} naming each field that is wrong. Null means none. */
    static CustomerProfile parse(String birthday, String anniversary, List<String> tags, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        Birthday parsedBirthday = null;
        if (birthday != null && !birthday.isBlank()) {
            try {
                parsedBirthday = Birthday.parse(birthday, today);
            } catch (IllegalArgumentException wrong) {
                errors.add(new FieldError("birthday", wrong.getMessage()));
            }
        }
        LocalDate parsedAnniversary = null;
        if (anniversary != null && !anniversary.isBlank()) {
            try {
                parsedAnniversary = parseAnniversary(anniversary.strip(), today);
            } catch (IllegalArgumentException wrong) {
                errors.add(new FieldError("anniversary", wrong.getMessage()));
            }
        }
        List<String> parsedTags = tags(tags, errors);
        if (!errors.isEmpty()) {
            throw InvalidInput.fields(errors);
        }
        return new CustomerProfile(parsedBirthday, parsedAnniversary, parsedTags);
    }

    private static LocalDate parseAnniversary(String text, LocalDate today) {
        if (!text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new IllegalArgumentException("must be a date YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeException impossible) {
            throw new IllegalArgumentException("is not a date that exists");
        }
        if (date.getYear() < Birthday.FIRST_YEAR || date.isAfter(today)) {
            throw new IllegalArgumentException("must be from 1900-01-01 to today");
        }
        return date;
    }

    /** The tags once per key, the first spelling kept; errors name the field {@code tags}. */
    private static List<String> tags(List<String> tags, List<FieldError> errors) {
        if (tags == null) {
            return List.of();
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip();
            if (t.isEmpty()) {
                errors.add(new FieldError("tags", "a tag must not be blank"));
                return List.of();
            }
            if (t.codePointCount(0, t.length()) > MAX_TAG_LENGTH) {
                errors.add(new FieldError("tags", "a tag must be at most " + MAX_TAG_LENGTH + " characters"));
                return List.of();
            }
            if (CONTROL.matcher(t).find()) {
                errors.add(new FieldError("tags", "a tag must not contain control characters"));
                return List.of();
            }
            byKey.putIfAbsent(key(t), t);
        }
        if (byKey.size() > MAX_TAGS) {
            errors.add(new FieldError("tags", "must be at most " + MAX_TAGS + " tags"));
            return List.of();
        }
        return List.copyOf(byKey.values());
    }

    /**
     * The survivor's profile after a merge: its birthday and anniversary, or the removed record's where it has
     * none; the tags of both once whatever the case (the survivor's spelling kept), the survivor's first when
     * together they are more than {@value #MAX_TAGS}.
     */
    static CustomerProfile merged(CustomerProfile survivor, CustomerProfile removed) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String tag : survivor.tags()) {
            byKey.putIfAbsent(key(tag), tag);
        }
        for (String tag : removed.tags()) {
            if (byKey.size() < MAX_TAGS) {
                byKey.putIfAbsent(key(tag), tag);
            }
        }
        return new CustomerProfile(
                survivor.birthday() != null ? survivor.birthday() : removed.birthday(),
                survivor.anniversary() != null ? survivor.anniversary() : removed.anniversary(),
                List.copyOf(byKey.values()));
    }
}
