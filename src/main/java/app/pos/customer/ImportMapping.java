package app.pos.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which columns of a file make each field, and which hold marketing consent, under which preset. A field may
 * join several columns in file order: the name with spaces (First + Last), the address with ", " (street, city,
 * region, postal code, country), the notes with line breaks; phone, email and the external id take the first
 * column that is not blank (Shopify's Phone, else the address's phone).
 *
 * @param preset {@code square}, {@code shopify} or {@code generic}
 * @param columns field ({@link #FIELDS}) to column indexes
 * @param consents channel ({@code EMAIL}, {@code SMS}) to the column holding its status
 */
public record ImportMapping(String preset, Map<String, List<Integer>> columns, Map<String, Integer> consents) {

    public static final String SQUARE = "square";
    public static final String SHOPIFY = "shopify";
    public static final String GENERIC = "generic";
    public static final String EXTERNAL_ID = "externalId";
    /** Everything columns can be mapped to. */
    public static final List<String> FIELDS = List.of("name", "phone", "email", "address", "notes", EXTERNAL_ID);

    public ImportMapping {
        Map<String, List<Integer>> kept = new LinkedHashMap<>();
        for (String field : FIELDS) {
            List<Integer> list = columns.get(field);
            if (list != null && !list.isEmpty()) {
                kept.put(field, List.copyOf(list));
            }
        }
        columns = java.util.Collections.unmodifiableMap(kept);
        consents = Map.copyOf(consents);
    }

    /** A mapping of the user's choice, keeping the consent columns of the preset it started from. */
    public ImportMapping with(Map<String, List<Integer>> chosen) {
        return new ImportMapping(preset, chosen, consents);
    }

    public List<Integer> of(String field) {
        return columns.getOrDefault(field, List.of());
    }

    public boolean has(String field) {
        return columns.containsKey(field);
    }

    /** The field's value in a row: joined or first non-blank as the class says; null when blank. */
    String value(String field, List<String> cells) {
        List<String> parts = new ArrayList<>();
        for (int index : of(field)) {
            if (index >= 0 && index < cells.size() && !cells.get(index).isBlank()) {
                parts.add(cells.get(index).strip());
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        return switch (field) {
            case "name" -> String.join(" ", parts);
            case "address" -> String.join(", ", parts);
            case "notes" -> String.join("\n", parts);
            default -> parts.get(0);
        };
    }

    /** The system whose ids the id column holds (see {@link ImportColumns#source}); null without one. */
    String source(List<String> header) {
        if (!has(EXTERNAL_ID)) {
            return null;
        }
        return preset.equals(GENERIC)
                ? ImportColumns.source(header, of(EXTERNAL_ID).get(0))
                : preset;
    }

    /** For the upload store: {@code preset|field=1,2;…|EMAIL=3;…}. */
    public String encode() {
        return preset + "|"
                + columns.entrySet().stream()
                        .map(e -> e.getKey() + "="
                                + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(",")))
                        .collect(Collectors.joining(";"))
                + "|"
                + consents.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .sorted()
                        .collect(Collectors.joining(";"));
    }

    public static ImportMapping decode(String text) {
        String[] parts = text.split("\\|", -1);
        Map<String, List<Integer>> columns = new LinkedHashMap<>();
        for (String entry : parts[1].split(";")) {
            if (!entry.isEmpty()) {
                String[] kv = entry.split("=", 2);
                List<Integer> indexes = new ArrayList<>();
                for (String i : kv[1].split(",")) {
                    indexes.add(Integer.valueOf(i));
                }
                columns.put(kv[0], indexes);
            }
        }
        Map<String, Integer> consents = new LinkedHashMap<>();
        for (String entry : parts[2].split(";")) {
            if (!entry.isEmpty()) {
                String[] kv = entry.split("=", 2);
                consents.put(kv[0], Integer.valueOf(kv[1]));
            }
        }
        return new ImportMapping(parts[0], columns, consents);
    }
}
