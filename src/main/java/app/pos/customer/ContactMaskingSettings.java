package app.pos.customer;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one row of {@code contact_masking_settings}. */
@Repository
class ContactMaskingSettings {

    private final JdbcClient jdbc;

    ContactMaskingSettings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    PrivacySettings read() {
        return jdbc.sql("SELECT cashiers_see_contact_details FROM contact_masking_settings WHERE id = 1")
                .query(Boolean.class)
                .optional()
                .map(PrivacySettings::new)
                .orElse(new PrivacySettings(false));
    }

    void write(PrivacySettings settings, String staff, OffsetDateTime at) {
        jdbc.sql("UPDATE contact_masking_settings SET cashiers_see_contact_details = :see, updated_at = :at, "
                        + "updated_by = :staff WHERE id = 1")
                .param("see", settings.cashiersSeeContactDetails())
                .param("at", at)
                .param("staff", staff)
                .update();
    }
}
