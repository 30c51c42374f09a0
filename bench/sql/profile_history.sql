\set c random(1, :ncustomers)
SELECT id, name, phone, email, address, total_spent, visit_count, last_visit_at, created_at, updated_at
FROM customers WHERE id = (SELECT id FROM bench_customers WHERE n = :c);
SELECT id, number, customer_id, customer_name, customer_number, customer_address, order_type, payment_method,
       status, delivery_address, note, subtotal, discount, tax, total, created_at, voided_at
FROM orders WHERE customer_id = (SELECT id FROM bench_customers WHERE n = :c)
ORDER BY created_at DESC, number DESC LIMIT 21 OFFSET 0;
SELECT order_id, product_id, product_name, unit_price, quantity, line_total FROM order_items
WHERE order_id IN (SELECT id FROM orders WHERE customer_id = (SELECT id FROM bench_customers WHERE n = :c)
                   ORDER BY created_at DESC, number DESC LIMIT 21)
ORDER BY order_id, line_no;
