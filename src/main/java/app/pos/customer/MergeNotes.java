package app.pos.customer;

import app.pos.shared.CustomerDetails;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.stereotype.Component;

/**
 * The notes a merged record keeps: the kept record's notes, the other record's notes, and a line naming each phone
 * and email of the two records that the merge does not keep, so no contact value vanishes without a trace.
 */
@Component
class MergeNotes {

    private final Contacts contacts;
    private final MessageSourceAccessor messages;

    MergeNotes(Contacts contacts, MessageSource messageSource) {
        this.contacts = contacts;
        this.messages = new MessageSourceAccessor(messageSource, Locale.ROOT);
    }

    /** The survivor's notes after the merge with {@code chosen} values; null when there are none. */
    String after(CustomerView survivor, CustomerView merged, CustomerDetails chosen) {
        Contact kept = contacts.normalize(chosen, "");
        List<String> dropped = new ArrayList<>();
        for (String phone : distinct(survivor.phone(), merged.phone())) {
            if (!phone.equals(kept.phone())) {
                dropped.add(messages.getMessage("merge.note.phone", new Object[] {phone}));
            }
        }
        for (String email : distinct(survivor.email(), merged.email())) {
            if (!email.equals(kept.email())) {
                dropped.add(messages.getMessage("merge.note.email", new Object[] {email}));
            }
        }
        List<String> parts = new ArrayList<>();
        addIfPresent(parts, survivor.notes());
        addIfPresent(parts, merged.notes());
        if (!dropped.isEmpty()) {
            parts.add(messages.getMessage("merge.note", new Object[] {merged.name(), String.join(", ", dropped)}));
        }
        return parts.isEmpty() ? null : String.join("\n", parts);
    }

    private static Set<String> distinct(String... values) {
        Set<String> set = new LinkedHashSet<>();
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                set.add(v);
            }
        }
        return set;
    }

    private static void addIfPresent(List<String> parts, String notes) {
        if (notes != null && !notes.isBlank() && !parts.contains(notes)) {
            parts.add(notes.strip());
        }
    }
}
