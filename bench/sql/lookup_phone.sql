\set c random(1, :ncustomers)
SELECT id, name, phone, email, address, total_spent, visit_count, last_visit_at, created_at, updated_at
FROM customers WHERE phone = (SELECT phone FROM bench_customers WHERE n = :c);
