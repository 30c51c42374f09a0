package app.pos.backoffice;

import java.util.List;

/**
 * CSV cells for spreadsheets: RFC 4180 quoting, and formula neutralization (OWASP "CSV injection"): a cell that
 * starts with = + - @ tab or carriage return gets a leading apostrophe, so a customer named
 * {@code =HYPERLINK(...)} stays text when the file is opened in Excel or LibreOffice.
 */
final class Csv {

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

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
