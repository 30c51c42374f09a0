package app.pos.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Looks for values in every text column of every table of PostgreSQL's public schema (text, varchar, char, json,
 * jsonb), case-insensitively, and for phone digits also with everything but digits taken out ("(415) 200-0001").
 */
final class PersonalDataScan {

    private PersonalDataScan() {}

    /** The "table.column" names holding any of the texts or the digits. */
    static List<String> find(JdbcClient jdbc, List<String> texts, String digits) {
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT c.table_name, c.column_name FROM information_schema.columns c
                JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                  AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
                ORDER BY c.table_name, c.column_name
                """).query().listOfRows();
        if (columns.isEmpty()) {
            throw new IllegalStateException("no text column found: not the schema expected");
        }
        List<String> hits = new ArrayList<>();
        for (Map<String, Object> column : columns) {
            String table = quote((String) column.get("table_name"));
            String name = quote((String) column.get("column_name"));
            StringBuilder where = new StringBuilder();
            for (int i = 0; i < texts.size(); i++) {
                where.append(i == 0 ? "" : " OR ")
                        .append("strpos(lower(")
                        .append(name)
                        .append("::text), :t")
                        .append(i)
                        .append(") > 0");
            }
            where.append(" OR strpos(regexp_replace(").append(name).append("::text, '[^0-9]', '', 'g'), :digits) > 0");
            var statement = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + where);
            for (int i = 0; i < texts.size(); i++) {
                statement = statement.param("t" + i, texts.get(i));
            }
            long count = statement.param("digits", digits).query(Long.class).single();
            if (count > 0) {
                hits.add(column.get("table_name") + "." + column.get("column_name"));
            }
        }
        return hits;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
