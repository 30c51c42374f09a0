package app.pos.tools;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** One COPY ... FROM STDIN (FORMAT csv) stream, written in batches of about a megabyte. */
final class CopyRows {

    private static final int BATCH = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder out = new StringBuilder(BATCH + 4096);

    CopyRows(PGConnection pg, String copySql) throws SQLException {
        this.copy = pg.getCopyAPI().copyIn(copySql);
    }

    /** One CSV row; null is an empty (NULL) field, an empty string is quoted. */
    void row(Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values[i];
            if (v == null) {
                continue;
            }
            String text = v.toString();
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.isEmpty()) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                out.append(text);
            }
        }
        out.append('\n');
        if (out.length() > BATCH) {
            flush();
        }
    }

    void end() throws SQLException {
        flush();
        copy.endCopy();
    }

    private void flush() throws SQLException {
        byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        out.setLength(0);
    }
}
