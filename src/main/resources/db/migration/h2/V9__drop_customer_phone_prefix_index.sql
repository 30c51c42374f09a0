-- Search no longer ranks phones that start with the typed digits (see the PostgreSQL migration of the same
-- version); digits anywhere cannot use a B-tree, phone suffixes use idx_customers_phone_digits_rev.
DROP INDEX idx_customers_phone_digits;
