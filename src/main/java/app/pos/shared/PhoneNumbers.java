package app.pos.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Reads phone numbers in any common format for the configured default region and writes them as E.164. */
@Component
public class PhoneNumbers {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    public PhoneNumbers(@Value("${pos.default-region:US}") String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase();
        if (!util.getSupportedRegions().contains(this.defaultRegion)) {
            throw new IllegalStateException("pos.default-region '" + defaultRegion + "' is not a known region code");
        }
    }

    /** The number in E.164, or empty when the text is not a valid phone number. */
    public Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 40) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = util.parse(raw, defaultRegion);
            if (!util.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(util.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public String defaultRegion() {
        return defaultRegion;
    }
}
