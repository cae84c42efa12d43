-- Wrong-PIN attempts per user AND device (issue 13, "PIN lockout"): one terminal's failures slow
-- that terminal down for that user, never the user everywhere. A row is a claim ledger: every PIN
-- login takes one attempt in one upsert that is also the wait check (UserPins.claimAttempt), and a
-- right PIN deletes the row. failures: attempts taken since the last right PIN; next_allowed: epoch
-- millis before which the next attempt from this device is refused (429 with Retry-After).
-- users.failed_pins and users.locked_until (V1) are no longer read or written for the lockout.
CREATE TABLE pin_attempts (
  account_id    ${long} NOT NULL REFERENCES accounts (id),
  user_id       ${long} NOT NULL REFERENCES users (id),
  device_id     ${long} NOT NULL,
  failures      ${long} NOT NULL,
  next_allowed  ${long} NOT NULL,
  PRIMARY KEY (user_id, device_id)
) ${strict};
