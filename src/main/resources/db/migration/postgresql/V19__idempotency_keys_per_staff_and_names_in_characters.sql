-- An idempotency key belongs to the staff user (or API client) that sent it: another user replaying the same key
-- places an order of their own instead of receiving someone else's.
ALTER TABLE orders DROP CONSTRAINT uq_orders_idempotency_key;
ALTER TABLE orders ADD CONSTRAINT uq_orders_created_by_idempotency_key UNIQUE (created_by, idempotency_key);
