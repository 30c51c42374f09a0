-- Every merge of two customer records: who merged what into whom, when, and how many orders moved.
-- merged_id is unique: a record can be merged away only once, so a resubmitted merge form cannot run twice.
CREATE TABLE customer_merges (
    id              UUID PRIMARY KEY,
    survivor_id     UUID         NOT NULL,
    merged_id       UUID         NOT NULL,
    merged_name     VARCHAR(200) NOT NULL,
    merged_phone    VARCHAR(20),
    merged_email    VARCHAR(254),
    orders_moved    INTEGER      NOT NULL,
    merged_by       VARCHAR(100) NOT NULL,
    merged_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_customer_merges_merged UNIQUE (merged_id)
);

CREATE INDEX idx_customer_merges_survivor ON customer_merges (survivor_id);
