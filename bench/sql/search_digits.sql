-- The app's statements for q=<4 digits> (CustomerRepository.search): all phones ending with the digits, read
-- from the index and sorted newest visitor first; then the other matches only when fewer than 10 were found.
\set d random(0, 9999)
SELECT count(*) AS strong FROM (
  SELECT id, name, phone, email, address, total_spent, visit_count, last_visit_at, created_at, updated_at
  FROM (SELECT id, name, phone, email, address, total_spent, visit_count, last_visit_at, created_at, updated_at
        FROM customers WHERE (phone_digits_rev LIKE reverse(lpad(:d::text, 4, '0')) || '%') OFFSET 0) matches
  ORDER BY last_visit_at DESC NULLS LAST, name, id LIMIT 10) s \gset
\if :strong < 10
SELECT id, name, phone, email, address, total_spent, visit_count, last_visit_at, created_at, updated_at
FROM customers WHERE (phone_digits LIKE '%' || lpad(:d::text, 4, '0') || '%')
  AND NOT COALESCE((phone_digits_rev LIKE reverse(lpad(:d::text, 4, '0')) || '%'), FALSE)
ORDER BY last_visit_at DESC NULLS LAST, name, id LIMIT 10 - :strong;
\endif
