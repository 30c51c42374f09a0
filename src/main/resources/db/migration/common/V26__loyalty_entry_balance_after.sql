-- An order's EARN entry records the customer's balance and tier right after the order (its reward redeemed, its
-- points earned), so that the order's receipt and API show them later as they were. Null for other entries and for
-- orders from before this column.
ALTER TABLE loyalty_entries ADD COLUMN balance_after BIGINT;
ALTER TABLE loyalty_entries ADD COLUMN tier_after VARCHAR(100);
