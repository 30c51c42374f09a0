package app.pos.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads phone numbers in any common format for the configured default region and writes them as E.164 (stored,
 * and what the API sends), or as people read them ({@link #display}).
 */
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

    /**
     * The number as people read it: the national format for a number of the default region ("(415) 555-0132" in
     * the US), the international format otherwise ("+44 20 7946 0958"). Text that does not parse (an imported
     * legacy value, an invalid number) is returned as it is; null stays null.
     */
    public String display(String e164) {
        return parsed(e164)
                .map(number -> util.format(
                        number,
                        defaultRegion.equals(util.getRegionCodeForNumber(number))
                                ? PhoneNumberUtil.PhoneNumberFormat.NATIONAL
                                : PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL))
                .orElse(e164);
    }

    /** The international format, "+1 415-555-0132", whatever the default region; unparsable text as it is. */
    public String international(String e164) {
        return parsed(e164)
                .map(number -> util.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL))
                .orElse(e164);
    }

    private Optional<PhoneNumber> parsed(String e164) {
        if (e164 == null || e164.isBlank() || e164.length() > 40) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = util.parse(e164, defaultRegion);
            return util.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    public String defaultRegion() {
        return defaultRegion;
    }
}
