package app.pos.staff;

import app.pos.shared.InvalidInput;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a new staff password must be: 10 to 72 bytes (bcrypt reads at most 72; longer ones are refused rather than
 * silently cut) and not easy to guess. "Easy" is zxcvbn's estimate (common passwords, words, names, keyboard
 * patterns, repeats and sequences, dates, the username itself): it must rate the password at least 3 of 4, about a
 * hundred million guesses or more.
 */
final class PasswordRules {

    static final int MIN_STRENGTH = 3;

    // building the dictionaries takes a moment; the estimator is thread-safe once built
    private static final Zxcvbn STRENGTH = new Zxcvbn();

    private PasswordRules() {}

    static void check(String username, String password) {
        if (password == null || password.length() < StaffService.MIN_PASSWORD_LENGTH) {
            throw InvalidInput.field(
                    "password", "must be at least " + StaffService.MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > StaffService.MAX_PASSWORD_BYTES) {
            throw InvalidInput.field(
                    "password", "must be at most " + StaffService.MAX_PASSWORD_BYTES + " bytes (about 72 letters)");
        }
        Strength strength = STRENGTH.measure(password, username == null ? List.of("pos") : List.of(username, "pos"));
        if (strength.getScore() < MIN_STRENGTH) {
            String why = strength.getFeedback().getWarning();
            throw InvalidInput.field(
                    "password",
                    "is too easy to guess" + (why == null || why.isBlank() ? "" : " (" + why + ")")
                            + "; use a longer phrase of several unrelated words");
        }
    }

    /** {@link #check} for the admin password from the configuration: a refusal stops the start, naming the setting. */
    static void checkConfigured(String username, String password) {
        try {
            check(username, password);
        } catch (InvalidInput e) {
            throw new IllegalStateException(
                    "POS_ADMIN_PASSWORD " + e.errors().get(0).message());
        }
    }
}
