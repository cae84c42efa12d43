-- Paragon schema, part 42: several back-office logins per account, and archiving (issue 10, "People").
-- archived_at (epoch ms, NULL = in use): an archived shop, role, user or device stays in the tables
-- (sales, audit and receipts name them forever) but leaves the back office's lists by default and
-- what terminals use. An archived admin login (removed by the owner) can no longer sign in; its email
-- stays taken (admins.email is UNIQUE).
ALTER TABLE shops ADD COLUMN archived_at ${long};
ALTER TABLE roles ADD COLUMN archived_at ${long};
ALTER TABLE users ADD COLUMN archived_at ${long};
ALTER TABLE devices ADD COLUMN archived_at ${long};
ALTER TABLE admins ADD COLUMN archived_at ${long};

-- One-time links to set a back-office password: an invitation (admin_id NULL; accepting it creates
-- the login with email, name and role) or a password reset of an existing login (admin_id set).
-- token_hash is the SHA-256 of the link's token (256 random bits); a link works once (used_at) and
-- until expires_at (7 days), unless the owner revokes it (revoked_at).
CREATE TABLE admin_invitations (
  id          ${id},
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  admin_id    ${long} REFERENCES admins (id),
  email       TEXT    NOT NULL,
  name        TEXT    NOT NULL,
  role        TEXT    NOT NULL CHECK (role IN ('OWNER', 'ADMIN')),
  token_hash  TEXT    NOT NULL UNIQUE,
  created_by  TEXT    NOT NULL,
  created_at  ${long} NOT NULL,
  expires_at  ${long} NOT NULL,
  used_at     ${long},
  revoked_at  ${long}
) ${strict};
CREATE INDEX admin_invitations_account ON admin_invitations (account_id);
