-- What another system's export said about a customer's marketing consent, per source and channel, as written in
-- the file ("subscribed", "yes", "unknown"…), kept for the privacy work; removed with the customer.
CREATE TABLE customer_marketing_consents (
    customer_id  UUID         NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    source       VARCHAR(100) NOT NULL,
    channel      VARCHAR(10)  NOT NULL,
    status       VARCHAR(100) NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_customer_marketing_consents PRIMARY KEY (customer_id, source, channel),
    CONSTRAINT ck_customer_marketing_consents_channel CHECK (channel IN ('EMAIL', 'SMS'))
);
