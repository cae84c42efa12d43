-- Paying without the network (issue 12): an attention item is a payment the server could not simply
-- record as a sale, kept for the manager (paragon.receipts.OfflinePayments, docs/protocol.md "Paying
-- offline"). kind: CHANGED (the receipt changed after the cashier's seq: the sale is what was seen,
-- new_receipt_id holds the difference), PAID_TWICE (the receipt was already paid: sale_id is the first
-- payment, this row the second), GONE (deleted, merged away or not found), AMOUNT (the amount differs
-- from the total seen). amount: the cash the cashier took; unsold: the part of it in no sale (amount
-- minus the sale's total; may be negative when less was taken than the sale's total), so every grosz
-- paid is in exactly one sale or attention item. id: derived from the device and its command number.
-- resolved_at/resolved_by/resolved_note: set once by the back office.
CREATE TABLE attention_items (
  id              TEXT    PRIMARY KEY,
  account_id      ${long} NOT NULL REFERENCES accounts (id),
  shop_id         ${long} NOT NULL,
  kind            TEXT    NOT NULL,
  receipt_id      TEXT    NOT NULL,
  receipt_name    TEXT,
  new_receipt_id  TEXT,
  sale_id         TEXT,
  method          TEXT    NOT NULL,
  amount          ${long} NOT NULL,
  unsold          ${long} NOT NULL,
  seen_total      ${long},
  device_id       ${long} NOT NULL,
  n               ${long} NOT NULL,
  user_id         ${long} NOT NULL,
  user_name       TEXT    NOT NULL,
  paid_at         ${long} NOT NULL,
  created_at      ${long} NOT NULL,
  resolved_at     ${long},
  resolved_by     TEXT,
  resolved_note   TEXT
) ${strict};
CREATE INDEX attention_items_open ON attention_items (account_id, shop_id, resolved_at, created_at);
-- An offline payment reads the receipt's change rows up to the seq the cashier saw (OfflineSeen).
CREATE INDEX changes_receipt ON changes (account_id, receipt_id, seq);
