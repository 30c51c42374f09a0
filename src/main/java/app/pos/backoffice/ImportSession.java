package app.pos.backoffice;

import java.io.Serializable;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.SessionScope;

/**
 * The id of the manager's current upload ({@link ImportUploads}); the file itself stays in the database, so the
 * session stays small whatever the file's size.
 */
@Component
@SessionScope
class ImportSession implements Serializable {

    private UUID uploadId;

    synchronized UUID uploadId() {
        return uploadId;
    }

    synchronized void uploadId(UUID id) {
        this.uploadId = id;
    }
}
