-- Search reads strong matches first: phone prefix from this index, phone suffix from idx_customers_phone_digits_rev.
CREATE INDEX idx_customers_phone_digits_prefix ON customers (phone_digits varchar_pattern_ops);
