-- Usernames are unique whatever their letter case ("Cashier1" and "cashier1" are one user) and are looked up
-- by their lower-cased form. Names that already differ only in case stop the upgrade, before anything changes:
-- an admin must rename or remove one of each pair first. H2 has no procedural block to raise an error, so the
-- check is a query that, only when there are such names, fails to read its message as a number.
SELECT CAST('Staff usernames that differ only in letter case: '
        || LISTAGG(username, ', ') WITHIN GROUP (ORDER BY username)
        || '. Rename or remove one of each, then start again.' AS INTEGER) AS clashes
FROM staff_users
WHERE LOWER(username) IN (SELECT LOWER(username) FROM staff_users GROUP BY LOWER(username) HAVING COUNT(*) > 1)
HAVING COUNT(*) > 0;

ALTER TABLE staff_users ADD COLUMN username_key VARCHAR(100) GENERATED ALWAYS AS (LOWER(username));
ALTER TABLE staff_users ADD CONSTRAINT uq_staff_users_username_key UNIQUE (username_key);
