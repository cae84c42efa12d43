-- Paragon schema, part 1: accounts, back-office logins, shops, roles, users, products, predefined
-- receipts, configuration revisions and devices. Every table is keyed by account.
-- Placeholders (set per database in storage/Database.java):
--   ${id}     auto-increment primary key     ${long}  64-bit integer
--   ${bool}   boolean                         ${strict} STRICT on SQLite, nothing on PostgreSQL
-- Times are epoch milliseconds (UTC). Money is integer grosze.

CREATE TABLE accounts (
  id               ${id},
  name             TEXT    NOT NULL,
  plan             TEXT    NOT NULL CHECK (plan IN ('START', 'STANDARD', 'PREMIUM', 'MAX')),
  language         TEXT    NOT NULL CHECK (language IN ('pl', 'en')),
  parking_enabled  ${bool} NOT NULL,
  visibility       TEXT    NOT NULL CHECK (visibility IN ('OWN', 'ALL', 'SAME_ROLE')),
  sharing_enabled  ${bool} NOT NULL,
  login_mode       TEXT    NOT NULL CHECK (login_mode IN ('PIN', 'IDENTIFIER', 'NONE')),
  revision         ${long} NOT NULL,
  created_at       ${long} NOT NULL
) ${strict};

-- Back-office logins (owner and admins); email is unique across accounts, stored lower-case.
CREATE TABLE admins (
  id             ${id},
  account_id     ${long} NOT NULL REFERENCES accounts (id),
  email          TEXT    NOT NULL UNIQUE,
  name           TEXT    NOT NULL,
  role           TEXT    NOT NULL CHECK (role IN ('OWNER', 'ADMIN')),
  password_hash  TEXT    NOT NULL,
  created_at     ${long} NOT NULL
) ${strict};

-- Back-office sessions; id is the SHA-256 of the cookie value, so a leaked table opens nothing.
CREATE TABLE web_sessions (
  id          TEXT    PRIMARY KEY,
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  admin_id    ${long} NOT NULL REFERENCES admins (id),
  created_at  ${long} NOT NULL,
  expires_at  ${long} NOT NULL
) ${strict};

CREATE TABLE shops (
  id            ${id},
  account_id    ${long} NOT NULL REFERENCES accounts (id),
  name          TEXT    NOT NULL,
  use_defaults  ${bool} NOT NULL,
  created_at    ${long} NOT NULL
) ${strict};
CREATE INDEX shops_account ON shops (account_id);

-- Predefined receipts (tables). shop_id NULL: the account's default list; else that shop's own list.
-- The id is a stable UUID: renaming or reordering keeps it, so open receipts stay attached.
CREATE TABLE receipt_slots (
  id          TEXT    PRIMARY KEY,
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  shop_id     ${long} REFERENCES shops (id),
  name        TEXT    NOT NULL,
  position    ${long} NOT NULL
) ${strict};
CREATE INDEX receipt_slots_list ON receipt_slots (account_id, shop_id, position);

-- Roles carry permissions as a comma-separated list of Permission names.
CREATE TABLE roles (
  id           ${id},
  account_id   ${long} NOT NULL REFERENCES accounts (id),
  name         TEXT    NOT NULL,
  permissions  TEXT    NOT NULL
) ${strict};
CREATE INDEX roles_account ON roles (account_id);

-- Terminal users (cashiers, waiters, managers).
CREATE TABLE users (
  id            ${id},
  account_id    ${long} NOT NULL REFERENCES accounts (id),
  identifier    TEXT    NOT NULL,
  name          TEXT    NOT NULL,
  role_id       ${long} NOT NULL REFERENCES roles (id),
  pin_hash      TEXT,
  disabled      ${bool} NOT NULL,
  failed_pins   ${long} NOT NULL,
  locked_until  ${long},
  created_at    ${long} NOT NULL,
  UNIQUE (account_id, identifier)
) ${strict};

CREATE TABLE products (
  id          ${id},
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  name        TEXT    NOT NULL,
  price       ${long} NOT NULL CHECK (price >= 0),
  vat         TEXT    NOT NULL CHECK (vat IN ('23', '8', '5', '0', 'ZW')),
  category    TEXT    NOT NULL,
  position    ${long} NOT NULL,
  active      ${bool} NOT NULL
) ${strict};
CREATE INDEX products_account ON products (account_id, position);

-- One row per configuration revision of an account; snapshot is the account's whole terminal-facing
-- configuration at that revision (JSON), so the server can enforce the rules a device applied.
CREATE TABLE config_revisions (
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  revision    ${long} NOT NULL,
  created_at  ${long} NOT NULL,
  author      TEXT    NOT NULL,
  summary     TEXT    NOT NULL,
  snapshot    TEXT    NOT NULL,
  PRIMARY KEY (account_id, revision)
) ${strict};

-- Terminals. A device is registered in the back office, paired once with a one-time code (stored
-- hashed, 15 minutes), and then holds a token (stored hashed) until revoked.
CREATE TABLE devices (
  id                  ${id},
  account_id          ${long} NOT NULL REFERENCES accounts (id),
  shop_id             ${long} NOT NULL REFERENCES shops (id),
  name                TEXT    NOT NULL,
  model               TEXT    NOT NULL CHECK (model IN ('SMART_PLUS', 'POCKET', 'SMART', 'DUET')),
  pairing_code_hash   TEXT    UNIQUE,
  pairing_expires_at  ${long},
  token_hash          TEXT    UNIQUE,
  paired_at           ${long},
  revoked_at          ${long},
  applied_revision    ${long},
  last_contact_at     ${long},
  sync_requested_at   ${long},
  created_at          ${long} NOT NULL
) ${strict};
CREATE INDEX devices_account ON devices (account_id);
