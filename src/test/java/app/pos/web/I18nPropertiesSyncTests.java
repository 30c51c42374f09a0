package app.pos.web;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every text a person reads comes from messages.properties, and the file holds only keys that are used: templates
 * and page controllers are read as source text (no Spring context), so the check is fast and names file and text.
 * Punctuation and symbols ('×', '—', '·', '+') may stay literal: only text with a letter counts.
 */
class I18nPropertiesSyncTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path MESSAGES = Path.of("src/main/resources/messages.properties");

    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    /** Attributes a person reads or hears; with a letter they need their th: counterpart. */
    private static final Set<String> VISIBLE_ATTRIBUTES =
            Set.of("title", "placeholder", "aria-label", "alt", "label", "hx-confirm", "hx-prompt");

    /** th: attributes whose value becomes visible text (th:value only on buttons, see {@link #isButton}). */
    private static final Set<String> TEXT_ATTRIBUTES = Set.of(
            "th:text",
            "th:utext",
            "th:title",
            "th:placeholder",
            "th:aria-label",
            "th:alt",
            "th:label",
            "th:hx-confirm",
            "th:hx-prompt");

    /** A quoted literal inside a Thymeleaf expression. */
    private static final Pattern EXPRESSION_LITERAL = Pattern.compile("'([^'\\\\]*+(?:\\\\.[^'\\\\]*+)*+)'");

    /** A date or time pattern handed to #temporals.format. */
    private static final Pattern DATE_PATTERN =
            Pattern.compile("(yyyy|yy|MM|dd|HH|mm|ss)([-/:. ](yyyy|yy|MM|dd|HH|mm|ss))*");

    /** #{key}, #{key(args)}, and #messages.msg('key', ...). Dynamic keys #{${...}} are handled apart. */
    private static final Pattern TEMPLATE_KEY =
            Pattern.compile("#\\{([A-Za-z][\\w.]*)[}(]|#messages\\.msg\\w*\\(\\s*'([\\w.]+)'");

    /** A key built from a prefix: #{${'checkout.' + o.orderType()}} or the field fragment's choiceText='checkout.'. */
    private static final Pattern DYNAMIC_PREFIX =
            Pattern.compile("#\\{\\$\\{\\s*'([\\w.]+\\.)'|choiceText\\s*=\\s*'([\\w.]+\\.)'");

    /** An enum constant or a quoted word: what a dynamic prefix is completed with. */
    private static final Pattern ENUM_CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");

    private static final Pattern JAVA_LITERAL = Pattern.compile("\"([^\"\\\\\\n]*+(?:\\\\.[^\"\\\\\\n]*+)*+)\"");
    /** Page controllers, and the advice that answers their errors (PageProblems). */
    private static final Pattern PAGE_CONTROLLER = Pattern.compile(
            "^@Controller\\b|^@ControllerAdvice\\(annotations = Controller.class\\)", Pattern.MULTILINE);

    private static final Pattern MODEL_TEXT =
            Pattern.compile("\\.add(?:Flash)?Attribute\\(\\s*\"[^\"]*\"\\s*,(.*?)\\);", Pattern.DOTALL);
    /** PageProblems' respond(request, status, message): the message is shown on the error page or as flash. */
    private static final Pattern RESPOND = Pattern.compile("\\brespond\\((.*?)\\);", Pattern.DOTALL);

    private static final Pattern REJECT = Pattern.compile("\\.reject(?:Value)?\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][\\w.]*");
    private static final Pattern MESSAGE_LOOKUP = Pattern.compile("\\bmessages\\.getMessage\\(\\s*\"([^\"]+)\"");

    private static Properties messages;

    @BeforeAll
    static void loadMessages() throws IOException {
        messages = new Properties();
        try (Reader in = Files.newBufferedReader(MESSAGES, UTF_8)) {
            messages.load(in);
        }
    }

    @Test
    void templatesHaveNoLiteralText() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : files(TEMPLATES, ".html")) {
            Document page = Jsoup.parse(Files.readString(template, UTF_8));
            for (TextNode text : page.select("*").textNodes()) {
                if (hasLetter(text.text()) && !replaced(text)) {
                    problems.add(name(template) + ": text \"" + text.text().strip() + "\"");
                }
            }
            for (Element element : page.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    String key = attribute.getKey();
                    if ((VISIBLE_ATTRIBUTES.contains(key) || key.equals("value") && isButton(element))
                            && hasLetter(attribute.getValue())
                            && !element.hasAttr("th:" + key)
                            && !element.attr("th:attr").contains(key + "=")) {
                        problems.add(name(template) + ": " + key + "=\"" + attribute.getValue() + "\"");
                    }
                    if (TEXT_ATTRIBUTES.contains(key) || key.equals("th:value") && isButton(element)) {
                        literalsIn(attribute.getValue())
                                .forEach(literal ->
                                        problems.add(name(template) + ": " + key + " literal '" + literal + "'"));
                    }
                }
            }
        }
        assertThat(problems)
                .as("literal UI text in templates; use #{key} from messages.properties")
                .isEmpty();
    }

    @Test
    void pageControllersPutNoLiteralTextOnPages() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path source : files(SOURCES, ".java")) {
            String code = Files.readString(source, UTF_8);
            if (!PAGE_CONTROLLER.matcher(code).find()) {
                continue;
            }
            // a model or flash attribute's value, an error's message: any literal with a letter that is not a key
            List<String> shown = new ArrayList<>(groups(MODEL_TEXT, code));
            shown.addAll(groups(RESPOND, code));
            for (String value : shown) {
                for (String literal : groups(JAVA_LITERAL, value)) {
                    if (hasLetter(literal) && !messages.containsKey(literal)) {
                        problems.add(name(source) + ": page text \"" + literal + "\"");
                    }
                }
            }
            // reject(code, default) and rejectValue(field, code, default): field and code are identifiers
            for (String arguments : groups(REJECT, code)) {
                for (String literal : groups(JAVA_LITERAL, arguments)) {
                    if (hasLetter(literal) && !IDENTIFIER.matcher(literal).matches()) {
                        problems.add(name(source) + ": error message \"" + literal + "\"");
                    }
                }
            }
        }
        assertThat(problems)
                .as("literal UI text in page controllers; resolve a key from messages.properties")
                .isEmpty();
    }

    @Test
    void everyMessageIsUsed() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Path template : files(TEMPLATES, ".html")) {
            String html = Files.readString(template, UTF_8);
            used.addAll(templateKeys(html));
            Set<String> words = new TreeSet<>(groups(EXPRESSION_LITERAL, html));
            for (String prefix : groups(DYNAMIC_PREFIX, html)) {
                for (String key : messages.stringPropertyNames()) {
                    String rest = key.startsWith(prefix) ? key.substring(prefix.length()) : null;
                    if (rest != null && (ENUM_CONSTANT.matcher(rest).matches() || words.contains(rest))) {
                        used.add(key);
                    }
                }
            }
        }
        for (Path source : files(SOURCES, ".java")) {
            used.addAll(groups(JAVA_LITERAL, Files.readString(source, UTF_8)));
        }
        Set<String> unused = new TreeSet<>(messages.stringPropertyNames());
        unused.removeAll(used);
        assertThat(unused)
                .as("keys in messages.properties that no template or class uses")
                .isEmpty();
    }

    @Test
    void everyKeyUsedExists() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : files(TEMPLATES, ".html")) {
            for (String key : templateKeys(Files.readString(template, UTF_8))) {
                if (!messages.containsKey(key)) {
                    problems.add(name(template) + ": #{" + key + "}");
                }
            }
        }
        for (Path source : files(SOURCES, ".java")) {
            for (String key : groups(MESSAGE_LOOKUP, Files.readString(source, UTF_8))) {
                if (!messages.containsKey(key)) {
                    problems.add(name(source) + ": \"" + key + "\"");
                }
            }
        }
        assertThat(problems).as("keys missing from messages.properties").isEmpty();
    }

    /** Text inside th:text or th:utext is only a prototype; so is what th:replace or th:insert swaps out. */
    private static boolean replaced(TextNode text) {
        for (Element e = text.parent(); e != null; e = e.parent()) {
            if (e.hasAttr("th:text") || e.hasAttr("th:utext")) {
                return true;
            }
            // a page's <html th:replace> hands its <main> to the layout: that text is shown
            if (!e.nameIs("html") && (e.hasAttr("th:replace") || e.hasAttr("th:insert"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isButton(Element element) {
        return element.nameIs("button")
                || element.nameIs("input")
                        && Set.of("submit", "button", "reset").contains(element.attr("type"));
    }

    /** Literals with a letter in a text expression, except keys, key prefixes, date patterns and comparisons. */
    private static List<String> literalsIn(String expression) {
        List<String> found = new ArrayList<>();
        Matcher m = EXPRESSION_LITERAL.matcher(expression);
        while (m.find()) {
            String literal = m.group(1);
            String before = expression.substring(0, m.start()).stripTrailing();
            String after = expression.substring(m.end()).stripLeading();
            boolean compared =
                    before.endsWith("==") || before.endsWith("!=") || after.startsWith("==") || after.startsWith("!=");
            if (hasLetter(literal)
                    && !isKeyOrPrefix(literal)
                    && !DATE_PATTERN.matcher(literal).matches()
                    && !compared) {
                found.add(literal);
            }
        }
        return found;
    }

    private static boolean isKeyOrPrefix(String literal) {
        return messages.containsKey(literal)
                || literal.endsWith(".")
                        && messages.stringPropertyNames().stream().anyMatch(k -> k.startsWith(literal));
    }

    private static Set<String> templateKeys(String html) {
        return new TreeSet<>(groups(TEMPLATE_KEY, html));
    }

    /** The first non-null group of every match. */
    private static List<String> groups(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            for (int g = 1; g <= m.groupCount(); g++) {
                if (m.group(g) != null) {
                    found.add(m.group(g));
                    break;
                }
            }
        }
        return found;
    }

    private static boolean hasLetter(String text) {
        return LETTER.matcher(text).find();
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static String name(Path file) {
        return file.toString().replace('\\', '/');
    }
}
