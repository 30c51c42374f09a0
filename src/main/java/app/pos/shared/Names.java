package app.pos.shared;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Names as stored: NFC-normalized (an "é" typed as "e" + combining accent is the same name as the precomposed one)
 * and trimmed. Lengths count characters (code points), as PostgreSQL's {@code VARCHAR(n)} does, not UTF-16 units.
 */
public final class Names {

    private Names() {}

    /** The name as stored; null stays null. */
    public static String normalize(String name) {
        return name == null
                ? null
                : Normalizer.normalize(name, Normalizer.Form.NFC).strip();
    }

    /**
     * Why a typed name cannot be stored, or empty when it can: it is required, must show a visible character (not
     * only spaces, zero-width spaces or other invisible marks), holds no control characters and no bidirectional
     * embedding, override or isolate controls (which can make a name read differently from what it is), and has at
     * most {@code max} characters once normalized.
     */
    public static Optional<String> problem(String name, int max) {
        if (name == null || name.isBlank()) {
            return Optional.of("is required");
        }
        String normalized = normalize(name);
        if (normalized.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        if (normalized.codePoints().anyMatch(Names::isBidiControl)) {
            return Optional.of("must not contain bidirectional text controls");
        }
        if (normalized.codePoints().allMatch(Names::isInvisible)) {
            return Optional.of("must contain a visible character");
        }
        if (normalized.codePointCount(0, normalized.length()) > max) {
            return Optional.of("must be at most " + max + " characters");
        }
        return Optional.empty();
    }

    /** LRE, RLE, PDF, LRO, RLO and the isolates LRI, RLI, FSI, PDI. */
    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    private static boolean isInvisible(int c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT // zero-width space and joiners, soft hyphen, BOM
                || Character.getType(c) == Character.NON_SPACING_MARK
                || c == 0x115F
                || c == 0x1160
                || c == 0x3164
                || c == 0xFFA0 // Hangul fillers
                || c == 0x2800; // braille blank
    }
}
