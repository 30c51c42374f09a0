-- Search support on the embedded database: plain B-trees (H2 has no trigram indexes; the embedded
-- database serves a single shop, where a scan of the name column is cheap).
CREATE INDEX idx_customers_phone_digits ON customers (phone_digits);
CREATE INDEX idx_customers_phone_digits_rev ON customers (phone_digits_rev);
CREATE INDEX idx_customers_name_search ON customers (name_search);
