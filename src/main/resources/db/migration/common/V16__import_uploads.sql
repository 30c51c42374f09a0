-- A CSV file uploaded on the import page, kept here between preview, check and import instead of in the HTTP
-- session (a 50,000-row file there would be read and written on every later request of that session). The file
-- is dropped once imported; the row, with its report, goes when it expires.
CREATE TABLE import_uploads (
    id              UUID         NOT NULL,
    staff_username  VARCHAR(100) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    content         TEXT,
    mapping         VARCHAR(4000) NOT NULL,
    checked         BOOLEAN      NOT NULL DEFAULT FALSE,
    imported        BOOLEAN      NOT NULL DEFAULT FALSE,
    to_create       INT          NOT NULL DEFAULT 0,
    to_update       INT          NOT NULL DEFAULT 0,
    unchanged_rows  INT          NOT NULL DEFAULT 0,
    rejected_rows   INT          NOT NULL DEFAULT 0,
    report          TEXT,
    CONSTRAINT pk_import_uploads PRIMARY KEY (id)
);

CREATE INDEX idx_import_uploads_created ON import_uploads (created_at);
