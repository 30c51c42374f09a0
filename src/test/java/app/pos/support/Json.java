package app.pos.support;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.springframework.test.web.servlet.MvcResult;

/** Reads values out of JSON responses in tests. */
public final class Json {

    private Json() {}

    public static <T> T read(MvcResult result, String path) {
        try {
            return JsonPath.read(result.getResponse().getContentAsString(), path);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static <T> T read(String json, String path) {
        return JsonPath.read(json, path);
    }

    /** A JSON object literal from alternating keys and values; strings are quoted and escaped, null stays null. */
    public static String object(Object... keysAndValues) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(String.valueOf(keysAndValues[i]))).append(':').append(value(keysAndValues[i + 1]));
        }
        return sb.append('}').toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number || v instanceof Boolean || v instanceof Raw) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> map) {
            return object(map.entrySet().stream()
                    .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                    .toArray());
        }
        return quote(v.toString());
    }

    /** JSON inserted as is (arrays, nested objects). */
    public record Raw(String json) {
        @Override
        public String toString() {
            return json;
        }
    }

    public static Raw raw(String json) {
        return new Raw(json);
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
