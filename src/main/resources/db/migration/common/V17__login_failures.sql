-- Failed logins, counted per lower-cased username and per client address, shared by every instance.
-- A row is removed when its user logs in, or when its failures are old enough not to matter any more.
CREATE TABLE login_failures (
    kind              VARCHAR(8)   NOT NULL,
    subject           VARCHAR(100) NOT NULL,
    failures          INTEGER      NOT NULL,
    first_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failure_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_login_failures PRIMARY KEY (kind, subject),
    CONSTRAINT ck_login_failures_kind CHECK (kind IN ('USERNAME', 'ADDRESS')),
    CONSTRAINT ck_login_failures_failures CHECK (failures > 0)
);

CREATE INDEX idx_login_failures_last ON login_failures (last_failure_at);
