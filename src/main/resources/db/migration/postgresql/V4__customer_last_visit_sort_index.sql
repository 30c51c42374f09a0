-- Sorting by last visit puts never-seen customers first (ascending); the same expression the list query uses.
CREATE INDEX idx_customers_sort_last_visit
    ON customers ((COALESCE(last_visit_at, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')), id);
