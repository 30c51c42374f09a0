package app.pos.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads CSV as spreadsheets write it (RFC 4180): quoted fields with doubled quotes, commas and line breaks inside
 * quotes, CRLF or LF, a UTF-8 byte order mark, and ';' as the separator when the header has more of them than
 * commas (European Excel). Also undoes our own export's formula guard (an apostrophe before = + - @ at the start of a cell or after a
 * separator inside it).
 */
public final class CsvReader {

    /** The export's apostrophe before a formula character that follows a separator inside a cell. */
    private static final Pattern GUARD_AFTER_SEPARATOR = Pattern.compile("(?<=[;,\\t\\r\\n][ ]{0,20})'(?=[=+\\-@])");

    private CsvReader() {}

    /** Reads the text as written, leniently: a quote left open runs to the end of the text. */
    public static List<List<String>> parse(String text) {
        return parse(text, false);
    }

    /** Reads the text, or null when a quoted cell is never closed (not a CSV file). */
    static List<List<String>> parseStrict(String text) {
        return parse(text, true);
    }

    private static List<List<String>> parse(String text, boolean strict) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char separator = separatorOf(text);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && !cellStarted) {
                quoted = true;
                cellStarted = true;
            } else if (c == separator) {
                row.add(unguard(cell.toString()));
                cell.setLength(0);
                cellStarted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(unguard(cell.toString()));
                cell.setLength(0);
                cellStarted = false;
                if (!(row.size() == 1 && row.get(0).isEmpty())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                cell.append(c);
                cellStarted = true;
            }
        }
        if (strict && quoted) {
            return null;
        }
        if (cellStarted || cell.length() > 0 || !row.isEmpty()) {
            row.add(unguard(cell.toString()));
            if (!(row.size() == 1 && row.get(0).isEmpty())) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static char separatorOf(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        long commas = header.chars().filter(ch -> ch == ',').count();
        long semicolons = header.chars().filter(ch -> ch == ';').count();
        return semicolons > commas ? ';' : ',';
    }

    private static String unguard(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@".indexOf(cell.charAt(1)) >= 0) {
            cell = cell.substring(1);
        }
        return cell.indexOf('\'') < 0
                ? cell
                : GUARD_AFTER_SEPARATOR.matcher(cell).replaceAll("");
    }
}
