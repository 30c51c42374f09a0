\set c random(1, :ncustomers)
\set k random(1, 2000000000)
SELECT id, request_hash FROM orders WHERE idempotency_key = 'pgbench-' || :k;
BEGIN;
SELECT id, name, category, price, sku, active, created_at, updated_at FROM products
WHERE id IN (SELECT id FROM products WHERE active ORDER BY name LIMIT 2);
SELECT id, name, phone, email, address, total_spent, visit_count, last_visit_at, created_at, updated_at
FROM customers WHERE id = (SELECT id FROM bench_customers WHERE n = :c);
SELECT nextval('order_number_seq') AS number \gset
INSERT INTO orders (id, number, customer_id, customer_name, customer_number, customer_address, order_type,
                    payment_method, status, delivery_address, note, subtotal, discount, tax, total, idempotency_key,
                    request_hash, created_by, placed_in_pos, created_at)
SELECT gen_random_uuid(), :number, c.id, c.name, c.phone, c.address, 'TAKEAWAY', 'CARD', 'COMPLETED', NULL, NULL,
       12.30, 0, 0.98, 13.28, md5(random()::text), md5(random()::text), 'pgbench', TRUE, now()
FROM customers c WHERE c.id = (SELECT id FROM bench_customers WHERE n = :c);
INSERT INTO order_items (order_id, line_no, product_id, product_name, unit_price, quantity, line_total)
SELECT (SELECT id FROM orders WHERE number = :number), 1, p.id, p.name, p.price, 2, p.price * 2 FROM products p WHERE p.active ORDER BY p.name LIMIT 1;
INSERT INTO order_items (order_id, line_no, product_id, product_name, unit_price, quantity, line_total)
SELECT (SELECT id FROM orders WHERE number = :number), 2, p.id, p.name, p.price, 1, p.price FROM products p WHERE p.active ORDER BY p.name DESC LIMIT 1;
UPDATE customers SET total_spent = total_spent + 13.28, visit_count = visit_count + 1,
       last_visit_at = CASE WHEN last_visit_at IS NULL OR last_visit_at < now() THEN now() ELSE last_visit_at END
WHERE id = (SELECT id FROM bench_customers WHERE n = :c);
COMMIT;
