-- The id another system (a CSV export from Square, Shopify, an older POS) gave a customer, per source, so that
-- importing the same rows again finds the customer instead of creating them again. Removed with the customer;
-- a merge moves them to the record it keeps.
CREATE TABLE customer_external_ids (
    source       VARCHAR(100) NOT NULL,
    external_id  VARCHAR(200) NOT NULL,
    customer_id  UUID         NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_customer_external_ids PRIMARY KEY (source, external_id)
);

CREATE INDEX idx_customer_external_ids_customer ON customer_external_ids (customer_id);
