package app.pos.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import app.pos.shared.FieldError;
import app.pos.shared.InvalidInput;
import app.pos.support.TestStaff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordRulesTests {

    static FieldError refusal(String username, String password) {
        try {
            PasswordRules.check(username, password);
        } catch (InvalidInput e) {
            return e.errors().get(0);
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"password12", "1234567890", "aaaaaaaaaa", "qwertyuiop", "abcdefghij", "letmein123"})
    void commonAndPatternPasswordsAreRefusedWithAClearMessage(String password) {
        FieldError refused = refusal("someone", password);
        assertThat(refused).isNotNull();
        assertThat(refused.field()).isEqualTo("password");
        assertThat(refused.message()).startsWith("is too easy to guess").contains("several unrelated words");
    }

    @Test
    void thePasswordIsCheckedAgainstTheUsername() {
        assertThat(refusal("someone", "zorbulaxquen1"))
                .as("strong for anyone else")
                .isNull();
        assertThat(refusal("zorbulaxquen", "zorbulaxquen1"))
                .as("the username plus a digit")
                .isNotNull();
    }

    @Test
    void aConfiguredAdminPasswordIsRefusedNamingTheSetting() {
        assertThatCode(() -> PasswordRules.checkConfigured("admin", "password12"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("POS_ADMIN_PASSWORD is too easy to guess");
        assertThatCode(() -> PasswordRules.checkConfigured("admin", "short"))
                .hasMessage("POS_ADMIN_PASSWORD must be at least 10 characters");
        assertThatCode(() -> PasswordRules.checkConfigured("admin", "zorbulaxquen1"))
                .doesNotThrowAnyException();
    }

    @Test
    void lengthRulesComeFirst() {
        assertThat(refusal("someone", "short").message()).isEqualTo("must be at least 10 characters");
        assertThat(refusal("someone", "x".repeat(73)).message()).startsWith("must be at most 72 bytes");
        assertThat(refusal("someone", null).message()).isEqualTo("must be at least 10 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "lantern-oyster-93-velvet", "Tq7#mZ2!pLw9"})
    void passphrasesAndRandomPasswordsPass(String password) {
        assertThatCode(() -> PasswordRules.check("someone", password)).doesNotThrowAnyException();
    }

    @Test
    void theTestProfilesAdminPasswordPassesSoTheBootstrapAcceptsIt() {
        assertThat(refusal("admin", TestStaff.ADMIN_PASSWORD)).isNull();
    }
}
