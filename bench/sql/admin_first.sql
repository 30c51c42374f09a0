SELECT id, name, phone, email, address, total_spent, visit_count, last_visit_at, created_at, updated_at, name_search AS sort_key
FROM customers WHERE 1 = 1 ORDER BY name_search ASC, id ASC LIMIT 51;
SELECT COUNT(*) FROM (SELECT 1 FROM customers WHERE 1 = 1 LIMIT 10001) capped;
