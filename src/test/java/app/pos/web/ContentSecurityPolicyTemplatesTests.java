package app.pos.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The content security policy ({@code script-src 'self'; style-src 'self'}) refuses inline code, so a template
 * with an inline script, an event-handler attribute or a style attribute is a feature that silently does not work
 * in the browser. A {@code <script type="application/json">} data block is not run, so it is allowed.
 */
class ContentSecurityPolicyTemplatesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern SCRIPT =
            Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER =
            Pattern.compile("\\s(?:th:|data-th-)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE = Pattern.compile("\\s(?:th:)?style\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVASCRIPT_URL =
            Pattern.compile("=\\s*[\"']\\s*javascript:", Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasInlineScriptsHandlersOrStyles() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                found.addAll(problems(TEMPLATES.relativize(file).toString(), Files.readString(file)));
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsEachKindOfInlineCode() {
        assertThat(problems("t", "<script>alert(1)</script>")).hasSize(1);
        assertThat(problems("t", "<script th:inline=\"javascript\">\n var x = 1;\n</script>"))
                .hasSize(1);
        assertThat(problems("t", "<button onclick=\"window.print()\">")).hasSize(1);
        assertThat(problems("t", "<body th:onload=\"${x}\">")).hasSize(1);
        assertThat(problems("t", "<div style=\"color: red\">")).hasSize(1);
        assertThat(problems("t", "<a href=\"javascript:void(0)\">")).hasSize(1);
        assertThat(problems("t", "<script th:src=\"@{/js/pos.js}\" defer></script>"))
                .isEmpty();
        assertThat(problems("t", "<script type=\"application/json\" id=\"d\">{\"a\":1}</script>"))
                .isEmpty();
        assertThat(problems("t", "<!--/* a <script>s comment onclick=x */-->")).isEmpty();
        assertThat(problems("t", "<input data-online=\"1\" hx-on=\"x\">"))
                .as("hx-on needs eval, off by config")
                .isEmpty();
    }

    private static List<String> problems(String name, String html) {
        String code = COMMENT.matcher(html).replaceAll("");
        List<String> found = new ArrayList<>();
        Matcher script = SCRIPT.matcher(code);
        while (script.find()) {
            boolean data = script.group(1).matches("(?s).*type\\s*=\\s*[\"']application/(ld\\+)?json[\"'].*");
            if (!script.group(2).isBlank() && !data) {
                found.add(name + ": inline <script>");
            }
        }
        for (var pattern : List.of(HANDLER, STYLE, JAVASCRIPT_URL)) {
            Matcher m = pattern.matcher(code);
            while (m.find()) {
                found.add(name + ": " + m.group().strip());
            }
        }
        return found;
    }
}
