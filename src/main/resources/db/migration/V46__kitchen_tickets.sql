-- Paragon schema, part 46: the kitchen (issue 12). A kitchen ticket is written in the transaction of
-- the command that sent lines (kind 'send') or removed or lowered lines already sent (kind 'cancel'):
-- what the kitchen reads, as it was then (receipt name, waiter, lines with quantity, modifiers, note,
-- course, seat: JSON in `lines`, paragon.receipts.KitchenTickets). device_id + n name that command, so a
-- retried command (answered from the log) never writes a second ticket. done_at / done_by_name: when
-- and by whom it was marked done on the kitchen display (NULL: open). A category may carry the default
-- course of its products' lines (NULL: none).
CREATE TABLE kitchen_tickets (
  id            ${id},
  account_id    ${long} NOT NULL REFERENCES accounts (id),
  shop_id       ${long} NOT NULL,
  receipt_id    TEXT    NOT NULL,
  receipt_name  TEXT    NOT NULL,
  kind          TEXT    NOT NULL,
  waiter_name   TEXT    NOT NULL,
  device_id     ${long} NOT NULL,
  n             ${long} NOT NULL,
  lines         TEXT    NOT NULL,
  created_at    ${long} NOT NULL,
  done_at       ${long},
  done_by_name  TEXT
) ${strict};
CREATE UNIQUE INDEX kitchen_tickets_command ON kitchen_tickets (account_id, device_id, n, receipt_id, kind);
CREATE INDEX kitchen_tickets_open ON kitchen_tickets (account_id, shop_id, done_at, created_at);
ALTER TABLE categories ADD COLUMN course INTEGER;
