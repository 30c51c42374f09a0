-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0): one row per
-- event and asynchronous listener, written in the publishing transaction, completed when the listener succeeds.
-- Rows never completed are republished on restart. The serialized event is wider than Modulith's own H2 schema
-- (4000), since an order of 100 lines serializes to more.
CREATE TABLE event_publication (
    id                     UUID NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512) NOT NULL,
    event_type             VARCHAR(512) NOT NULL,
    serialized_event       VARCHAR(1000000) NOT NULL,
    publication_date       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP(9) WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP(9) WITH TIME ZONE
);
CREATE INDEX event_publication_by_listener_idx ON event_publication (listener_id);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
