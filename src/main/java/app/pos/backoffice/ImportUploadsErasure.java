package app.pos.backoffice;

import app.pos.customer.PersonalDataCopies;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased customer's details may sit in an uploaded import file or its report of rejected rows: such uploads are
 * deleted, in the erasure's transaction (their uploader uploads again; re-importing the old file would bring the
 * person back). A file matches when one of its fields is the person's e-mail, a phone ending with their number, their
 * name, or every word of their name (first and last name in columns of their own). A false match costs an upload,
 * never data, so the test is generous. One pass over each upload for a whole batch of people.
 */
@Component
class ImportUploadsErasure implements PersonalDataCopies {

    private static final int SHORTEST_NUMBER = 7;

    private final JdbcClient jdbc;

    ImportUploadsErasure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Stored(UUID id, String content, String report) {}

    @Override
    public void forget(List<ErasedContact> people) {
        if (people.isEmpty()) {
            return;
        }
        List<Stored> uploads = jdbc.sql("SELECT id, content, report FROM import_uploads")
                .query(Stored.class)
                .list();
        for (Stored upload : uploads) {
            Fields fields = new Fields();
            fields.read(upload.content());
            fields.read(upload.report());
            if (people.stream().anyMatch(fields::holds)) {
                jdbc.sql("DELETE FROM import_uploads WHERE id = :id")
                        .param("id", upload.id())
                        .update();
            }
        }
    }

    /** The values of a CSV text, lower-case, with the words and the digits of each. */
    private static final class Fields {

        private final Set<String> values = new HashSet<>();
        private final Set<String> words = new HashSet<>();
        private final Set<String> digits = new HashSet<>();

        void read(String text) {
            if (text == null) {
                return;
            }
            for (String field : text.split("[,;\\t\\r\\n\"]+")) {
                String value = field.strip().toLowerCase(Locale.ROOT);
                if (value.isEmpty()) {
                    continue;
                }
                values.add(value);
                words.addAll(List.of(value.split("\\s+")));
                String number = value.replaceAll("[^0-9]", "");
                if (number.length() >= SHORTEST_NUMBER) {
                    digits.add(number);
                }
            }
        }

        boolean holds(ErasedContact person) {
            return email(person.email()) || phone(person.phone()) || name(person.name());
        }

        private boolean email(String email) {
            return email != null && values.contains(email.toLowerCase(Locale.ROOT));
        }

        private boolean phone(String e164) {
            if (e164 == null) {
                return false;
            }
            String number = e164.replaceAll("[^0-9]", "");
            for (int from = 0; number.length() - from >= SHORTEST_NUMBER; from++) {
                if (digits.contains(number.substring(from))) {
                    return true;
                }
            }
            return false;
        }

        private boolean name(String name) {
            if (name == null || name.isBlank()) {
                return false;
            }
            String value = name.strip().toLowerCase(Locale.ROOT);
            return values.contains(value) || words.containsAll(List.of(value.split("\\s+")));
        }
    }
}
