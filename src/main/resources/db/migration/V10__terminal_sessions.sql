-- Cashier sessions on paired terminals (paragon.devices.TerminalAuth). id is the SHA-256 of the
-- session token, so a leaked table opens nothing. A terminal has at most one session: a new login on
-- the device ends the previous one. pin_stamp is the SHA-256 of the user's PIN hash at login ('' when
-- the user has no PIN): a changed PIN no longer matches, which ends the session at once.
CREATE TABLE terminal_sessions (
  id          TEXT    PRIMARY KEY,
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  device_id   ${long} NOT NULL REFERENCES devices (id),
  user_id     ${long} NOT NULL REFERENCES users (id),
  pin_stamp   TEXT    NOT NULL,
  created_at  ${long} NOT NULL
) ${strict};
CREATE INDEX terminal_sessions_device ON terminal_sessions (account_id, device_id);
CREATE INDEX terminal_sessions_user ON terminal_sessions (account_id, user_id);
