package app.pos.customer;

import app.pos.customer.ImportFileProblem.Reason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The customer exports of Square and Shopify, recognised by their header rows and mapped without manual work, and
 * the generic mapping of any other file (guessed from its header, or chosen column by column). The README lists
 * the columns each preset reads.
 */
final class ImportPresets {

    private ImportPresets() {}

    /** Square's "Export customers" (Customers › Directory). */
    private static final Map<String, List<String>> SQUARE = Map.of(
            "name",
            List.of("First Name", "Last Name"),
            "phone",
            List.of("Phone Number"),
            "email",
            List.of("Email Address"),
            "address",
            List.of("Street Address 1", "Street Address 2", "City", "State", "Postal Code", "Country"),
            "notes",
            List.of("Memo"),
            ImportMapping.EXTERNAL_ID,
            List.of("Square Customer ID"));

    private static final Map<String, List<String>> SQUARE_CONSENTS =
            Map.of("EMAIL", List.of("Email Subscription Status"));

    /** Shopify's customers export, the current layout and the older one (Address1, Province, Accepts Marketing). */
    private static final Map<String, List<String>> SHOPIFY = Map.of(
            "name",
            List.of("First Name", "Last Name"),
            "phone",
            List.of("Phone", "Default Address Phone"),
            "email",
            List.of("Email"),
            "address",
            List.of(
                    "Default Address Address1|Address1",
                    "Default Address Address2|Address2",
                    "Default Address City|City",
                    "Default Address Province Code|Province Code|Province",
                    "Default Address Zip|Zip",
                    "Default Address Country Code|Country Code|Country"),
            "notes",
            List.of("Note"),
            ImportMapping.EXTERNAL_ID,
            List.of("Customer ID"));

    private static final Map<String, List<String>> SHOPIFY_CONSENTS = Map.of(
            "EMAIL", List.of("Accepts Email Marketing|Accepts Marketing"), "SMS", List.of("Accepts SMS Marketing"));

    /** The mapping for {@code preset} ({@code auto}, {@code square}, {@code shopify}, {@code generic}). */
    static ImportMapping of(String preset, List<String> header, Map<String, List<String>> chosen) {
        String name =
                preset == null || preset.isBlank() ? "auto" : preset.strip().toLowerCase(Locale.ROOT);
        ImportMapping mapping = switch (name) {
            case "auto" -> detect(header);
            case ImportMapping.SQUARE -> isSquare(header) ? square(header) : null;
            case ImportMapping.SHOPIFY -> isShopify(header) ? shopify(header) : null;
            case ImportMapping.GENERIC -> chosen == null ? generic(header) : chosen(header, chosen);
            default ->
                throw ImportFileProblem.badMapping(
                        "preset must be auto, square, shopify or generic, not \"" + preset + "\"");
        };
        if (mapping == null || !mapping.has("name")) {
            throw ImportFileProblem.of(Reason.NO_HEADER);
        }
        return mapping;
    }

    /** Square or Shopify when the header is theirs, otherwise the guessed generic mapping. */
    static ImportMapping detect(List<String> header) {
        if (isSquare(header)) {
            return square(header);
        }
        return isShopify(header) ? shopify(header) : generic(header);
    }

    static boolean isSquare(List<String> header) {
        return index(header, "Square Customer ID") >= 0 && index(header, "First Name|Last Name") >= 0;
    }

    static boolean isShopify(List<String> header) {
        return index(header, "First Name") >= 0
                && index(header, "Email") >= 0
                && index(header, "Accepts Email Marketing|Accepts Marketing") >= 0;
    }

    private static ImportMapping square(List<String> header) {
        return new ImportMapping(ImportMapping.SQUARE, find(header, SQUARE), first(find(header, SQUARE_CONSENTS)));
    }

    private static ImportMapping shopify(List<String> header) {
        return new ImportMapping(ImportMapping.SHOPIFY, find(header, SHOPIFY), first(find(header, SHOPIFY_CONSENTS)));
    }

    private static ImportMapping generic(List<String> header) {
        Map<String, List<Integer>> columns = new LinkedHashMap<>();
        ImportColumns.guess(header).forEach((field, index) -> columns.put(field, List.of(index)));
        return new ImportMapping(ImportMapping.GENERIC, columns, Map.of());
    }

    /** A mapping given as field → the headers of its columns; every field and header must be the file's. */
    private static ImportMapping chosen(List<String> header, Map<String, List<String>> chosen) {
        Map<String, List<Integer>> columns = new LinkedHashMap<>();
        chosen.forEach((field, headers) -> {
            if (!ImportMapping.FIELDS.contains(field)) {
                throw ImportFileProblem.badMapping("has an unknown field \"" + field + "\" (known: "
                        + String.join(", ", ImportMapping.FIELDS) + ")");
            }
            List<Integer> indexes = new ArrayList<>();
            for (String h : headers == null ? List.<String>of() : headers) {
                int i = h == null ? -1 : exact(header, h);
                if (i < 0) {
                    throw ImportFileProblem.badMapping(
                            "names a column \"" + h + "\" for " + field + " that the file's header lacks");
                }
                indexes.add(i);
            }
            columns.put(field, indexes);
        });
        if (columns.getOrDefault("name", List.of()).isEmpty()) {
            throw ImportFileProblem.badMapping("must name the column(s) of the customer's name");
        }
        return new ImportMapping(ImportMapping.GENERIC, columns, Map.of());
    }

    private static Map<String, List<Integer>> find(List<String> header, Map<String, List<String>> layout) {
        Map<String, List<Integer>> columns = new LinkedHashMap<>();
        layout.forEach((field, names) -> {
            List<Integer> indexes = new ArrayList<>();
            for (String alternatives : names) {
                int i = index(header, alternatives);
                if (i >= 0) {
                    indexes.add(i);
                }
            }
            if (!indexes.isEmpty()) {
                columns.put(field, indexes);
            }
        });
        return columns;
    }

    private static Map<String, Integer> first(Map<String, List<Integer>> columns) {
        Map<String, Integer> first = new LinkedHashMap<>();
        columns.forEach((key, indexes) -> first.put(key, indexes.get(0)));
        return first;
    }

    /** The column of the first of {@code alternatives} ("A|B") the header has, by letters only; -1 when none. */
    static int index(List<String> header, String alternatives) {
        for (String name : alternatives.split("\\|")) {
            String wanted = letters(name);
            for (int i = 0; i < header.size(); i++) {
                if (letters(header.get(i)).equals(wanted)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static int exact(List<String> header, String name) {
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equalsIgnoreCase(name.strip())) {
                return i;
            }
        }
        return -1;
    }

    private static String letters(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
