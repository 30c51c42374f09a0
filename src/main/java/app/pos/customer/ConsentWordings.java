package app.pos.customer;

import app.pos.shared.InvalidInput;
import app.pos.shared.PosException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The text shown to a customer when asking for each channel's consent ({@code consent_wordings}). Saving a text
 * adds a version; versions are never changed or removed, because consent records name the one the customer saw.
 * The installation starts with version 1 of each channel.
 */
@Service
public class ConsentWordings {

    public static final int MAX_TEXT = 1000;

    private static final String COLUMNS = "channel, version, wording, created_at, created_by";

    private final JdbcClient jdbc;
    private final Clock clock;

    ConsentWordings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The latest version of each channel's wording. */
    @Transactional(readOnly = true)
    public Map<ConsentChannel, ConsentWording> current() {
        Map<ConsentChannel, ConsentWording> current = new EnumMap<>(ConsentChannel.class);
        jdbc.sql("SELECT " + COLUMNS + " FROM consent_wordings w WHERE version = "
                        + "(SELECT MAX(version) FROM consent_wordings v WHERE v.channel = w.channel)")
                .query(ConsentWordings::map)
                .list()
                .forEach(w -> current.put(w.channel(), w));
        return current;
    }

    @Transactional(readOnly = true)
    public ConsentWording current(ConsentChannel channel) {
        return versions(channel).get(0);
    }

    /** Every version of the channel's wording, newest first. */
    @Transactional(readOnly = true)
    public List<ConsentWording> versions(ConsentChannel channel) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consent_wordings WHERE channel = :channel ORDER BY version DESC")
                .param("channel", channel.name())
                .query(ConsentWordings::map)
                .list();
    }

    /**
     * Saves {@code text} as the channel's new wording and returns it; a text equal to the current one adds no
     * version. The staff user logged in is recorded as its author. Two saves of the same channel at once: the second is refused with a 409.
     */
    @Transactional
    public ConsentWording save(ConsentChannel channel, String text) {
        String cleaned = validate(text);
        ConsentWording current = current(channel);
        if (current.text().equals(cleaned)) {
            return current;
        }
        try {
            jdbc.sql("INSERT INTO consent_wordings (" + COLUMNS + ") VALUES (:channel, :version, :text, :at, :by)")
                    .param("channel", channel.name())
                    .param("version", current.version() + 1)
                    .param("text", cleaned)
                    .param("at", OffsetDateTime.now(clock))
                    .param("by", LoggedInStaff.name())
                    .update();
        } catch (DuplicateKeyException race) {
            throw new SavedMeanwhile(channel);
        }
        return current(channel);
    }

    private static String validate(String text) {
        String cleaned = text == null ? "" : text.strip().replace("\r\n", "\n");
        if (cleaned.isEmpty()) {
            throw InvalidInput.field("text", "must not be blank");
        }
        if (cleaned.length() > MAX_TEXT) {
            throw InvalidInput.field("text", "must be at most " + MAX_TEXT + " characters");
        }
        if (cleaned.chars().anyMatch(c -> c != '\n' && Character.isISOControl(c))) {
            throw InvalidInput.field("text", "must not contain control characters");
        }
        return cleaned;
    }

    private static ConsentWording map(ResultSet rs, int row) throws SQLException {
        return new ConsentWording(
                ConsentChannel.valueOf(rs.getString("channel")),
                rs.getInt("version"),
                rs.getString("wording"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("created_by"));
    }

    /** Another ADMIN saved the same channel's wording at the same moment. */
    static final class SavedMeanwhile extends PosException {
        SavedMeanwhile(ConsentChannel channel) {
            super(
                    HttpStatus.CONFLICT,
                    "Wording saved meanwhile",
                    "Someone else saved the " + channel + " wording at the same moment; reload it and save again.");
        }
    }
}
