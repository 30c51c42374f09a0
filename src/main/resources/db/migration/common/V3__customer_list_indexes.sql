-- The back office lists customers sorted by any of these columns with keyset pagination: (sort key, id)
-- indexes make every page, the first or the ten-thousandth, an index range scan.
CREATE INDEX idx_customers_sort_name ON customers (name_search, id);
CREATE INDEX idx_customers_sort_spent ON customers (total_spent, id);
CREATE INDEX idx_customers_sort_visits ON customers (visit_count, id);
CREATE INDEX idx_customers_sort_created ON customers (created_at, id);
