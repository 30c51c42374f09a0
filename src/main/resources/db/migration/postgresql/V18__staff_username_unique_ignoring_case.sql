-- Usernames are unique whatever their letter case ("Cashier1" and "cashier1" are one user) and are looked up
-- by their lower-cased form. Names that already differ only in case stop the upgrade: an admin must rename or
-- remove one of each pair first, since merging two people's accounts silently is not a choice to make here.
DO $$
DECLARE
    clashes TEXT;
BEGIN
    SELECT string_agg(names, '; ') INTO clashes FROM (
        SELECT string_agg(username, ', ' ORDER BY username) AS names
        FROM staff_users GROUP BY LOWER(username) HAVING COUNT(*) > 1) d;
    IF clashes IS NOT NULL THEN
        RAISE EXCEPTION 'Staff usernames that differ only in letter case: %. Rename or remove one of each, then start again.', clashes;
    END IF;
END $$;

ALTER TABLE staff_users ADD COLUMN username_key VARCHAR(100) GENERATED ALWAYS AS (LOWER(username)) STORED;
ALTER TABLE staff_users ADD CONSTRAINT uq_staff_users_username_key UNIQUE (username_key);
