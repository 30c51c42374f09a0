-- Refunds of some or all of a completed order's lines. The amount is the refunded units' share of what the
-- customer paid (tax and discount included), allocated by the server so that refunding everything returns exactly
-- the order's total. Each refund line names the order line (line_no) it takes back; a refund's idempotency key
-- belongs to the staff user who sent it, as an order's does.
CREATE TABLE order_refunds (
    id               UUID PRIMARY KEY,
    order_id         UUID           NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    amount           DECIMAL(12, 2) NOT NULL CHECK (amount >= 0),
    reason           VARCHAR(500),
    idempotency_key  VARCHAR(100),
    request_hash     VARCHAR(64),
    created_by       VARCHAR(100)   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_order_refunds_created_by_idempotency_key UNIQUE (created_by, idempotency_key)
);

CREATE INDEX idx_order_refunds_order ON order_refunds (order_id, created_at);
CREATE INDEX idx_order_refunds_created ON order_refunds (created_at);

CREATE TABLE order_refund_lines (
    refund_id   UUID           NOT NULL REFERENCES order_refunds (id) ON DELETE CASCADE,
    order_id    UUID           NOT NULL,
    line_no     INTEGER        NOT NULL,
    product_id  UUID,
    quantity    INTEGER        NOT NULL CHECK (quantity > 0),
    amount      DECIMAL(12, 2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (refund_id, line_no),
    CONSTRAINT fk_order_refund_lines_item FOREIGN KEY (order_id, line_no) REFERENCES order_items (order_id, line_no)
        ON DELETE CASCADE
);

CREATE INDEX idx_order_refund_lines_order ON order_refund_lines (order_id, line_no);
