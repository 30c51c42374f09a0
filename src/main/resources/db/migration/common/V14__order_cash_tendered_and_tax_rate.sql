-- What a cash customer handed over (the receipt shows it and the change), and the tax rate the order was priced at
-- (the receipt shows it even after the shop's rate changes). Both unknown (NULL) for orders from before.
ALTER TABLE orders ADD COLUMN cash_tendered DECIMAL(12, 2);
ALTER TABLE orders ADD COLUMN tax_rate DECIMAL(7, 6);
ALTER TABLE orders ADD CONSTRAINT ck_orders_cash_tendered
    CHECK (cash_tendered IS NULL OR (payment_method = 'CASH' AND cash_tendered >= total));
