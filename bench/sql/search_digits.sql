-- The app's two statements for q=<4 digits> (CustomerRepository.search): strong matches first, the rest only when
-- fewer than 10 strong ones were found.
\set d random(0, 9999)
SELECT count(*) AS strong FROM (
  SELECT id, name, phone, email, address, total_spent, visit_count, last_visit_at, created_at, updated_at,
         CASE WHEN 1 = 0 THEN 0 WHEN phone_digits LIKE lpad(:d::text, 4, '0') || '%' OR phone_digits_rev LIKE reverse(lpad(:d::text, 4, '0')) || '%' THEN 1 ELSE 2 END AS search_rank
  FROM customers WHERE (phone_digits LIKE '%' || lpad(:d::text, 4, '0') || '%')
    AND (phone_digits LIKE lpad(:d::text, 4, '0') || '%' OR phone_digits_rev LIKE reverse(lpad(:d::text, 4, '0')) || '%')
  ORDER BY search_rank, last_visit_at DESC NULLS LAST, name, id LIMIT 10) s \gset
\if :strong < 10
SELECT id, name, phone, email, address, total_spent, visit_count, last_visit_at, created_at, updated_at
FROM customers WHERE (phone_digits LIKE '%' || lpad(:d::text, 4, '0') || '%')
  AND NOT COALESCE((phone_digits LIKE lpad(:d::text, 4, '0') || '%' OR phone_digits_rev LIKE reverse(lpad(:d::text, 4, '0')) || '%'), FALSE)
ORDER BY last_visit_at DESC NULLS LAST, name, id LIMIT 10;
\endif
