-- Loyalty points follow partial refunds (same as h2/V27 but for the generated column's STORED).
-- A refund's REVERSAL names its order (order_id) and its refund (refund_id). cause_id is the refund for a refund's
-- entry and the order otherwise, so "at most one entry of each type per order" becomes "per order, or per refund
-- for a refund's reversal": a refund never reverses twice, an order still earns, redeems or is voided once.
ALTER TABLE loyalty_entries ADD COLUMN refund_id UUID;
ALTER TABLE loyalty_entries ADD COLUMN cause_id UUID GENERATED ALWAYS AS (COALESCE(refund_id, order_id)) STORED;
ALTER TABLE loyalty_entries DROP CONSTRAINT uq_loyalty_entries_order_type;
ALTER TABLE loyalty_entries ADD CONSTRAINT uq_loyalty_entries_cause_type UNIQUE (cause_id, type);
CREATE INDEX ix_loyalty_entries_order ON loyalty_entries (order_id);

-- What an order earned on, as it was when it earned: its rate (points per unit and the tier multiplier) and, per
-- eligible line (not of an excluded category), its units and its share of the earn basis (before or after tax, as
-- the program then said). A refund takes the refunded units' share of these off the basis.
CREATE TABLE loyalty_earnings (
    order_id         UUID PRIMARY KEY,
    points_per_unit  NUMERIC(10, 2) NOT NULL,
    multiplier       NUMERIC(6, 2) NOT NULL
);

CREATE TABLE loyalty_earned_lines (
    order_id  UUID NOT NULL REFERENCES loyalty_earnings (order_id),
    line_no   INT NOT NULL,
    units     INT NOT NULL CHECK (units > 0),
    basis     NUMERIC(12, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
