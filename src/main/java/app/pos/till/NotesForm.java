package app.pos.till;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The selected customer's note as edited at the till; the customer feature checks the same rules again. */
record NotesForm(
        @Size(max = 1000, message = "must be at most 1000 characters")
        @Pattern(regexp = "[^\\x00-\\x09\\x0B\\x0C\\x0E-\\x1F\\x7F]*", message = "must not contain control characters")
        String notes) {

    static NotesForm of(String notes) {
        return new NotesForm(notes == null ? "" : notes);
    }
}
