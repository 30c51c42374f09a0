package app.pos.customer;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds text for search: accents removed, lower case, anything that is not a letter or digit becomes a word
 * break. "José Álvarez-Núñez" folds to "jose alvarez nunez". Stored names and typed queries go through the
 * same function, so matching is case- and accent-insensitive on both databases without collations.
 */
final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern NON_DIGIT = Pattern.compile("[^0-9]");

    private SearchText() {}

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String plain = unstroke(MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT));
        return NON_WORD.matcher(plain).replaceAll(" ").trim();
    }

    /** Letters that are not "letter + accent" in Unicode, so NFKD leaves them: spelled as people type them. */
    private static String unstroke(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case 'ł' -> sb.append('l');
                case 'ø' -> sb.append('o');
                case 'đ', 'ð' -> sb.append('d');
                case 'ħ' -> sb.append('h');
                case 'ı' -> sb.append('i');
                case 'ß' -> sb.append("ss");
                case 'æ' -> sb.append("ae");
                case 'œ' -> sb.append("oe");
                case 'þ' -> sb.append("th");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    static List<String> words(String text) {
        String folded = fold(text);
        return folded.isEmpty() ? List.of() : Arrays.asList(folded.split(" "));
    }

    /** The indexed form of a name: folded, with a leading space so "start of a word" is {@code LIKE '% jo%'}. */
    static String nameKey(String name) {
        return " " + fold(name);
    }

    static String digits(String text) {
        return text == null ? "" : NON_DIGIT.matcher(text).replaceAll("");
    }
}
