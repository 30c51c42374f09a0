package app.pos.customer;

import app.pos.shared.FieldError;
import app.pos.shared.PosException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * An import file, or a column mapping, that cannot be imported at all (400). The {@link Reason} lets a page show
 * its own message; the API shows the detail, and names the part at fault in {@code errors}.
 */
public final class ImportFileProblem extends PosException {

    /** Why the file was refused, with the key of the page's message. */
    public enum Reason {
        NOT_CSV(
                "file",
                "is not a CSV file (it holds binary data, or a quoted cell is never closed)",
                "import.problem.notCsv"),
        NOT_UTF8("file", "is not UTF-8 text (save it from the spreadsheet as \"CSV UTF-8\")", "import.problem.notUtf8"),
        NO_HEADER(
                "file",
                "has no header row this import recognises (no column holds the customer's name)",
                "import.problem.noHeader"),
        NO_ROWS("file", "has a header but no data rows", "import.tooShort"),
        TOO_LONG("file", "has more than " + CustomerImport.MAX_ROWS + " data rows", "import.tooLong"),
        BAD_MAPPING("mapping", "does not fit the file", "import.nameColumn");

        private final String field;
        private final String message;
        private final String messageKey;

        Reason(String field, String message, String messageKey) {
            this.field = field;
            this.message = message;
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final Reason reason;

    private ImportFileProblem(Reason reason, String message) {
        super(
                HttpStatus.BAD_REQUEST,
                "Invalid import file",
                reason.field + " " + message,
                Map.of("reason", reason.name(), "errors", List.of(new FieldError(reason.field, message))));
        this.reason = reason;
    }

    static ImportFileProblem of(Reason reason) {
        return new ImportFileProblem(reason, reason.message);
    }

    /** The mapping names something the file lacks: {@code detail} says what. */
    static ImportFileProblem badMapping(String detail) {
        return new ImportFileProblem(Reason.BAD_MAPPING, detail);
    }

    public Reason reason() {
        return reason;
    }
}
