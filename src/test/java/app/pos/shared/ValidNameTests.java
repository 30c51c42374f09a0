package app.pos.shared;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ValidNameTests {

    private static final String EMOJI = "\uD83D\uDE00";

    static ValidatorFactory factory;
    static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static List<String> problems(String name) {
        Set<ConstraintViolation<CustomerDetails>> violations =
                validator.validateValue(CustomerDetails.class, "name", name);
        return violations.stream().map(ConstraintViolation::getMessage).toList();
    }

    @Test
    void aDecomposedNameIsStoredComposed() {
        String decomposed = "Jose\u0301 Ren\u0303e";
        assertThat(Names.normalize("  " + decomposed + " ")).isEqualTo("Jos\u00e9 Re\u00f1e");
        assertThat(Names.normalize(null)).isNull();
    }

    @Test
    void namesOfOnlyInvisibleCharactersAreRefused() {
        for (String invisible : List.of("\u200B\u200B", "\u200D", "\uFEFF \u2060", "\u3164", "\u00AD")) {
            assertThat(problems(invisible))
                    .as(invisible.codePoints().boxed().toList().toString())
                    .containsExactly("must contain a visible character");
        }
        assertThat(problems("  ")).containsExactly("is required");
        assertThat(problems(null)).containsExactly("is required");
        assertThat(problems("Zoë\u200DAnn")).isEmpty();
    }

    @Test
    void bidirectionalControlsAreRefused() {
        for (int control : new int[] {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069}) {
            assertThat(problems(Character.toString(control) + "abc"))
                    .containsExactly("must not contain bidirectional text controls");
        }
        assertThat(problems("\u05D3\u05D5\u05D3 David"))
                .as("right-to-left letters are fine")
                .isEmpty();
    }

    @Test
    void controlCharactersAreRefused() {
        for (String name : List.of("Bob\u0007", "Tab\tName", "Null\u0000Byte", "C1\u0085")) {
            assertThat(problems(name)).containsExactly("must not contain control characters");
        }
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        assertThat(problems(EMOJI.repeat(200))).isEmpty();
        assertThat(problems(EMOJI.repeat(201))).containsExactly("must be at most 200 characters");
        assertThat(problems("x".repeat(201))).containsExactly("must be at most 200 characters");
        // 400 code points typed, 200 characters once composed
        assertThat(problems("e\u0301".repeat(200))).isEmpty();
    }
}
