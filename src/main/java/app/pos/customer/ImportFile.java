package app.pos.customer;

import app.pos.customer.ImportFileProblem.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/** An uploaded CSV file read into rows: its header (row 0) and data rows, as the import checks them. */
public record ImportFile(List<List<String>> table) {

    /** Control characters no spreadsheet's CSV holds (tab, CR and LF are fine): the mark of a binary file. */
    private static final Pattern BINARY = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    public ImportFile {
        table = List.copyOf(table);
    }

    /**
     * Reads a file as spreadsheets export it ({@link CsvReader}); refuses, with the reason, what is not UTF-8
     * text, not CSV, has no data row or more than {@link CustomerImport#MAX_ROWS}.
     */
    public static ImportFile read(byte[] bytes) {
        if (bytes.length >= 2
                && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw ImportFileProblem.of(Reason.NOT_UTF8); // UTF-16, as some spreadsheets save "Unicode text"
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ImportFileProblem.of(Reason.NOT_UTF8);
        }
        if (BINARY.matcher(text).find()) {
            throw ImportFileProblem.of(Reason.NOT_CSV);
        }
        List<List<String>> table = CsvReader.parseStrict(text);
        if (table == null) {
            throw ImportFileProblem.of(Reason.NOT_CSV);
        }
        if (table.isEmpty()) {
            throw ImportFileProblem.of(Reason.NO_HEADER);
        }
        if (table.size() < 2) {
            throw ImportFileProblem.of(Reason.NO_ROWS);
        }
        if (table.size() - 1 > CustomerImport.MAX_ROWS) {
            throw ImportFileProblem.of(Reason.TOO_LONG);
        }
        return new ImportFile(table);
    }

    public List<String> header() {
        return table.get(0);
    }

    /** The number of data rows. */
    public int rows() {
        return table.size() - 1;
    }

    /** The first {@code n} data rows. */
    public List<List<String>> preview(int n) {
        return table.subList(1, Math.min(table.size(), n + 1));
    }
}
