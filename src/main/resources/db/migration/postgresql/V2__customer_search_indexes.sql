-- Search support on PostgreSQL (seed section 8): trigram GIN indexes answer "digits anywhere in the phone"
-- and "word prefix anywhere in the name" without scanning; pattern-ops B-trees answer prefix searches
-- (last digits via the reversed digits, email prefix).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX idx_customers_phone_digits_trgm ON customers USING gin (phone_digits gin_trgm_ops);
CREATE INDEX idx_customers_name_search_trgm ON customers USING gin (name_search gin_trgm_ops);
CREATE INDEX idx_customers_phone_digits_rev ON customers (phone_digits_rev varchar_pattern_ops);
CREATE INDEX idx_customers_name_search_prefix ON customers (name_search varchar_pattern_ops);
CREATE INDEX idx_customers_email_prefix ON customers (email varchar_pattern_ops);
