-- A free-text note on a customer ("oat milk, no nuts"), and where a merge keeps the contact values it did not keep.
ALTER TABLE customers ADD COLUMN notes VARCHAR(1000);
