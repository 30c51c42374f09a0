-- Search no longer ranks phones that start with the typed digits: phone_digits holds the country code, so a
-- prefix matched only when the cashier typed it too ("1503" matched the whole 503 area code, 3% of customers).
-- Such numbers are still found by the digits-anywhere condition; the index only cost every write.
DROP INDEX idx_customers_phone_digits_prefix;
