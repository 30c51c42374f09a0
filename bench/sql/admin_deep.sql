SELECT customers.id, name, phone, email, address, total_spent, visit_count, last_visit_at, created_at, updated_at, name_search AS sort_key
FROM customers, bench_cursor b WHERE 1 = 1 AND (name_search > b.k OR (name_search = b.k AND id > b.id))
ORDER BY name_search ASC, customers.id ASC LIMIT 51;
SELECT COUNT(*) FROM (SELECT 1 FROM customers WHERE 1 = 1 LIMIT 10001) capped;
