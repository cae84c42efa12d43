-- Onboarding (issue 10): the business's tax number and a shop's address, and the one-time codes of a
-- self-hosted first run (paragon.onboarding.SetupCodes).
-- nip: the Polish tax number as 10 digits (dashes and spaces removed), NULL when not given.
ALTER TABLE accounts ADD COLUMN nip TEXT;
-- address: free text as typed, NULL when not given.
ALTER TABLE shops ADD COLUMN address TEXT;

-- A setup code opens /setup once, to create the first account of an empty installation. id is the
-- SHA-256 of the code (like web_sessions), so a leaked table opens nothing. A code is valid until
-- used_at is set; a restart that issues a new code deletes the unused ones (they are void). Not keyed
-- by account: there is none yet when a code is made; account_id is the account it created.
CREATE TABLE setup_codes (
  id          TEXT    PRIMARY KEY,
  created_at  ${long} NOT NULL,
  used_at     ${long},
  account_id  ${long} REFERENCES accounts (id)
) ${strict};
