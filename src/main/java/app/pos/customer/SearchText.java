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

    private SearchText() {
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(plain).replaceAll(" ").trim();
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
        return text == null ? "" : text.replaceAll("[^0-9]", "");
    }
}
