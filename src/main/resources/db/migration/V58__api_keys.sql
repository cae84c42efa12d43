-- API keys for integrators (issue 14, paragon.integrations, docs/api.md "API keys"). A key belongs to
-- the account; scopes: the granted scopes, comma-separated with a leading and trailing comma
-- (",receipts:read,sales:read,"); shop_id: the one shop the key may see, null = every shop of the
-- account; secret_hash: SHA-256 of the bearer secret (the secret itself is shown once and never kept).
-- created_by / revoked_by: the back-office admin's email (the audit of who did it); revoked_at set =
-- refused from then on. last_used_at: the last authenticated request, written at most once a minute.
CREATE TABLE api_keys (
  id            ${id},
  account_id    ${long} NOT NULL REFERENCES accounts (id),
  name          TEXT    NOT NULL,
  scopes        TEXT    NOT NULL,
  shop_id       ${long},
  secret_hash   TEXT    NOT NULL UNIQUE,
  created_at    ${long} NOT NULL,
  created_by    TEXT    NOT NULL,
  revoked_at    ${long},
  revoked_by    TEXT,
  last_used_at  ${long}
) ${strict};
CREATE INDEX api_keys_account ON api_keys (account_id, id);
