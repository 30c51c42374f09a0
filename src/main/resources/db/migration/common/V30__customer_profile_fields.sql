-- Profile fields (issue 14). The birthday is kept as month, day and an optional year so that a segment such as
-- "birthday in the coming week" can use an index on (birth_month, birth_day) whatever the year.
ALTER TABLE customers ADD COLUMN birth_month SMALLINT;
ALTER TABLE customers ADD COLUMN birth_day SMALLINT;
ALTER TABLE customers ADD COLUMN birth_year SMALLINT;
ALTER TABLE customers ADD COLUMN anniversary DATE;
ALTER TABLE customers ADD CONSTRAINT customers_birthday_whole
    CHECK ((birth_month IS NULL AND birth_day IS NULL AND birth_year IS NULL)
        OR (birth_month BETWEEN 1 AND 12 AND birth_day BETWEEN 1 AND 31));
CREATE INDEX customers_birthday ON customers (birth_month, birth_day);

-- A customer's tags, once per customer whatever the case (tag_key is the lower-cased tag); the first spelling is
-- kept. They go with the customer when it is deleted or erased.
CREATE TABLE customer_tags (
    customer_id UUID        NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
    tag         VARCHAR(40) NOT NULL,
    tag_key     VARCHAR(40) NOT NULL,
    CONSTRAINT customer_tags_once UNIQUE (customer_id, tag_key)
);
CREATE INDEX customer_tags_by_key ON customer_tags (tag_key);
