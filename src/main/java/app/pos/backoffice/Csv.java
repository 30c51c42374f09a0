package app.pos.backoffice;

import java.util.List;
import java.util.regex.Pattern;

/**
 * CSV cells for spreadsheets: RFC 4180 quoting, and formula neutralization (OWASP "CSV injection"). A cell that
 * starts with = + - @ tab or carriage return gets a leading apostrophe, so a customer named
 * {@code =HYPERLINK(...)} stays text when the file is opened in Excel or LibreOffice; so does such a character
 * after a separator inside the cell ({@code Bob;=1+2} becomes {@code Bob;'=1+2}), because a spreadsheet that
 * splits on ';' (some locales) or on tabs would otherwise start a new cell with a formula. Phone numbers are
 * written by {@link #phone}.
 */
final class Csv {

    /** A formula character that starts a cell once a spreadsheet splits this one at a separator. */
    private static final Pattern FORMATTED_PHONE = Pattern.compile("\\+[0-9][0-9 \\-]*");

    private static final Pattern AFTER_SEPARATOR = Pattern.compile("(?<=[;,\\t\\r\\n][ ]{0,20})(?=[=+\\-@])");

    private Csv() {}

    static String row(List<?> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(cell(cells.get(i)));
        }
        return sb.append("\r\n").toString();
    }

    /**
     * A phone in the international format ("+1 415-555-0132") behind a space: the spaces inside keep every
     * spreadsheet from reading it as a number (no lost leading zeros, no 1.41556E+10), and the leading space keeps
     * Excel from taking the '+' for a formula, even when the cell is edited, without a visible apostrophe. The
     * import reads it back as it is. Null stays an empty cell.
     */
    static Phone phone(String international) {
        return international == null ? null : new Phone(international);
    }

    record Phone(String international) {
        @Override
        public String toString() {
            return international;
        }
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Phone phone
                        && FORMATTED_PHONE.matcher(phone.international()).matches()
                ? " " + phone.international()
                : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        text = AFTER_SEPARATOR.matcher(text).replaceAll("'");
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
