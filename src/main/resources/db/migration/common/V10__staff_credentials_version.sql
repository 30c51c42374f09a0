-- Counts password changes. A page session remembers the count it logged in with and ends when the count moves:
-- a reset password logs the user out everywhere (ActiveStaffFilter), as deactivation and role changes already do.
ALTER TABLE staff_users ADD COLUMN credentials_version INTEGER DEFAULT 0 NOT NULL;
