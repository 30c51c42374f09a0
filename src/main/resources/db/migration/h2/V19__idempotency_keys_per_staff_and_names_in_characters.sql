-- An idempotency key belongs to the staff user (or API client) that sent it: another user replaying the same key
-- places an order of their own instead of receiving someone else's.
ALTER TABLE orders DROP CONSTRAINT uq_orders_idempotency_key;
ALTER TABLE orders ADD CONSTRAINT uq_orders_created_by_idempotency_key UNIQUE (created_by, idempotency_key);

-- Names are at most 200 characters (code points). PostgreSQL's VARCHAR(n) counts characters; H2's counts UTF-16
-- units, so a name of 200 emoji or rare CJK letters (400 units) needs twice the room here.
ALTER TABLE customers ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE customers ALTER COLUMN name_search SET DATA TYPE VARCHAR(820);
ALTER TABLE orders ALTER COLUMN customer_name SET DATA TYPE VARCHAR(400);
ALTER TABLE products ALTER COLUMN name SET DATA TYPE VARCHAR(400);
ALTER TABLE order_items ALTER COLUMN product_name SET DATA TYPE VARCHAR(400);
