-- Paragon schema, part 38: the account's current configuration revision moves from accounts.revision
-- into a table of its own that the configuration package owns (issue 9: one writing package per
-- table; docs/tables.md). Revisions.record bumps it in the save's transaction, which also serializes
-- two saves of one account (the row is locked by the update until commit).
CREATE TABLE config_heads (
  account_id  ${long} PRIMARY KEY REFERENCES accounts (id),
  revision    ${long} NOT NULL
) ${strict};

INSERT INTO config_heads (account_id, revision) SELECT id, revision FROM accounts;

ALTER TABLE accounts DROP COLUMN revision;
