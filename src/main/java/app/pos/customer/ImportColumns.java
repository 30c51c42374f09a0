package app.pos.customer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the columns of an imported file hold, guessed from its header, and which system the file came from. */
final class ImportColumns {

    static final int MAX_SOURCE = 100;

    private ImportColumns() {}

    static Map<String, Integer> guess(List<String> header) {
        Map<String, Integer> mapping = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = letters(header.get(i));
            String field = isExternalId(h)
                    ? ImportMapping.EXTERNAL_ID
                    : h.contains("mail")
                            ? "email"
                            : h.contains("phone") || h.contains("mobile") || h.contains("tel") || h.equals("number")
                                    ? "phone"
                                    : h.contains("address") || h.contains("street")
                                            ? "address"
                                            : h.startsWith("note") || h.equals("memo") || h.startsWith("comment")
                                                    ? "notes"
                                                    : h.contains("name") || h.equals("customer") ? "name" : null;
            if (field != null && !mapping.containsKey(field)) {
                mapping.put(field, i);
            }
            if (h.equals("squarecustomerid")) { // Square's own id, not the shop's optional "Reference ID"
                mapping.put(ImportMapping.EXTERNAL_ID, i);
            }
        }
        return mapping;
    }

    /** "Id", "Customer ID", "Square Customer ID", "Reference Id", "External ID". */
    private static boolean isExternalId(String h) {
        return h.equals("id") || h.endsWith("customerid") || h.equals("referenceid") || h.equals("externalid");
    }

    /**
     * The system whose ids the file's id column holds: {@code square} or {@code shopify} when the header is
     * theirs, otherwise {@code csv:} and the id column's header, so ids of different files' systems never meet.
     * Null when no column holds ids.
     */
    static String source(List<String> header, Integer idColumn) {
        if (idColumn == null || idColumn < 0 || idColumn >= header.size()) {
            return null;
        }
        List<String> names = header.stream().map(ImportColumns::letters).toList();
        if (letters(header.get(idColumn)).equals("squarecustomerid")) {
            return "square";
        }
        if (names.contains("customerid")
                && (names.contains("acceptsemailmarketing") || names.contains("acceptsmarketing"))) {
            return "shopify";
        }
        String source = "csv:" + header.get(idColumn).strip().toLowerCase(Locale.ROOT);
        return source.length() > MAX_SOURCE ? source.substring(0, MAX_SOURCE) : source;
    }

    private static String letters(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
