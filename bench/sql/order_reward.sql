-- POST /api/v1/orders for a member redeeming a reward (100 points, 1.00 off), program on: the statements the
-- app runs (order_existing.sql plus the loyalty module's), in the same order, in one transaction.
\set c random(1, :nmembers)
\set k random(1, 2000000000)
SELECT quote_literal(id) AS cid FROM bench_members WHERE n = :c \gset
SELECT id, request_hash FROM orders WHERE created_by = 'pgbench' AND idempotency_key = 'pgbench-' || :k;
BEGIN;
SELECT id, name, category, price, sku, active, created_at, updated_at FROM products
WHERE id IN (SELECT id FROM products WHERE active ORDER BY name LIMIT 2);
SELECT id, name, phone, email, address, notes, total_spent, visit_count, last_visit_at, created_at, updated_at
FROM customers WHERE id = :cid;
-- Redemption.apply (checkout asks for the reward's discount): the program (on), membership
SELECT 'P' AS kind, 0 AS seq, CAST(earn_basis AS VARCHAR(100)) AS name, enabled AS flag,
       return_redeemed_points_on_void AS flag2, points_per_unit AS amount, CAST(NULL AS NUMERIC(12, 2)) AS amount2,
       points_expire_after_months AS whole, CAST(NULL AS UUID) AS id, CAST(NULL AS UUID) AS product
FROM loyalty_program WHERE id = 1
UNION ALL
SELECT 'T', seq, name, NULL, NULL, qualifying_spend, multiplier, NULL, NULL, NULL FROM loyalty_tiers
UNION ALL
SELECT 'R', seq, name, active, NULL, discount_amount, discount_percent, points, id, free_product_id
FROM loyalty_rewards
UNION ALL
SELECT 'X', 0, category, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM loyalty_excluded_categories
ORDER BY kind, seq, name;
SELECT channel, state, source, wording_version, recorded_at, recorded_by FROM customer_consents
WHERE customer_id = :cid AND channel = 'LOYALTY';
SELECT nextval('order_number_seq') AS number \gset
SELECT quote_literal(gen_random_uuid()) AS oid \gset
INSERT INTO orders (id, number, customer_id, customer_name, customer_number, customer_address, order_type,
                    payment_method, status, delivery_address, note, subtotal, discount, tax, total, tax_rate,
                    cash_tendered, idempotency_key, request_hash, created_by, placed_in_pos, created_at)
SELECT :oid, :number, c.id, c.name, c.phone, c.address, 'TAKEAWAY', 'CARD', 'COMPLETED', NULL, NULL,
       12.30, 1.00, 0.90, 12.20, 0.08, NULL, 'pgbench-' || :k, md5(random()::text), 'pgbench', TRUE, now()
FROM customers c WHERE c.id = :cid;
INSERT INTO order_items (order_id, line_no, product_id, product_name, unit_price, quantity, line_total)
SELECT :oid, 1, p.id, p.name, p.price, 2, p.price * 2 FROM products p WHERE p.active ORDER BY p.name LIMIT 1;
INSERT INTO order_items (order_id, line_no, product_id, product_name, unit_price, quantity, line_total)
SELECT :oid, 2, p.id, p.name, p.price, 1, p.price FROM products p WHERE p.active ORDER BY p.name DESC LIMIT 1;
UPDATE customers SET total_spent = total_spent + 12.20, visit_count = visit_count + 1,
       last_visit_at = CASE WHEN last_visit_at IS NULL OR last_visit_at < now() THEN now() ELSE last_visit_at END
WHERE id = :cid;
-- Redemption (OrderPlaced listener): the conditional deduction, then the REDEEM entry
UPDATE loyalty_balances SET balance = balance - 100 WHERE customer_id = :cid AND balance >= 100;
INSERT INTO loyalty_entries (customer_id, type, points, basis, spend_at, order_id, refund_id, staff, reason,
                             created_at, balance_after, tier_after)
VALUES (:cid, 'REDEEM', -100, 0, NULL, :oid, NULL, 'pgbench', NULL, now(), NULL, NULL);
-- Earning (OrderPlaced listener): the program (on), member, balance lock (the row exists), qualifying spend (365 days),
-- EARN entry, balance, the order's rate and its lines' shares; no tier change (Bronze, as the app's sampled members)
SELECT 'P' AS kind, 0 AS seq, CAST(earn_basis AS VARCHAR(100)) AS name, enabled AS flag,
       return_redeemed_points_on_void AS flag2, points_per_unit AS amount, CAST(NULL AS NUMERIC(12, 2)) AS amount2,
       points_expire_after_months AS whole, CAST(NULL AS UUID) AS id, CAST(NULL AS UUID) AS product
FROM loyalty_program WHERE id = 1
UNION ALL
SELECT 'T', seq, name, NULL, NULL, qualifying_spend, multiplier, NULL, NULL, NULL FROM loyalty_tiers
UNION ALL
SELECT 'R', seq, name, active, NULL, discount_amount, discount_percent, points, id, free_product_id
FROM loyalty_rewards
UNION ALL
SELECT 'X', 0, category, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM loyalty_excluded_categories
ORDER BY kind, seq, name;
SELECT channel, state, source, wording_version, recorded_at, recorded_by FROM customer_consents
WHERE customer_id = :cid AND channel = 'LOYALTY';
SELECT balance, lifetime_earned, tier, tier_reached_at FROM loyalty_balances WHERE customer_id = :cid FOR UPDATE;
SELECT COALESCE(SUM(basis), 0) FROM loyalty_entries WHERE customer_id = :cid AND spend_at >= now() - interval '365 days';
INSERT INTO loyalty_entries (customer_id, type, points, basis, spend_at, order_id, refund_id, staff, reason,
                             created_at, balance_after, tier_after)
VALUES (:cid, 'EARN', 11, 11.30, now(), :oid, NULL, 'pgbench', NULL, now(), 1000, 'Bronze');
UPDATE loyalty_balances SET balance = balance + 11, lifetime_earned = lifetime_earned + 11 WHERE customer_id = :cid;
INSERT INTO loyalty_earnings (order_id, points_per_unit, multiplier) VALUES (:oid, 1.00, 1.00);
INSERT INTO loyalty_earned_lines (order_id, line_no, units, basis) VALUES (:oid, 1, 2, 6.43);
INSERT INTO loyalty_earned_lines (order_id, line_no, units, basis) VALUES (:oid, 2, 1, 4.87);
SELECT order_id, type, points, balance_after, tier_after FROM loyalty_entries
WHERE order_id IN (:oid) AND type IN ('EARN', 'REDEEM');
COMMIT;
