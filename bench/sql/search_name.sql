\set p random(1, :nprefixes)
SELECT id, name, phone, email, address, total_spent, visit_count, last_visit_at, created_at, updated_at,
       CASE WHEN 1 = 0 THEN 0 WHEN name_search LIKE ' ' || b.prefix || '%' OR email LIKE b.prefix || '%' ESCAPE '\' THEN 1 ELSE 2 END AS search_rank
FROM customers, (SELECT prefix FROM bench_prefixes WHERE n = :p) b
WHERE (name_search LIKE '% ' || b.prefix || '%' OR email LIKE b.prefix || '%' ESCAPE '\')
ORDER BY search_rank, last_visit_at DESC NULLS LAST, name, id LIMIT 10;
