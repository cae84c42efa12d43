-- Paragon schema, part 47: the bill (issue 12).
-- A receipt may be paid in parts (split evenly or by amount): receipts.paid is what its parts paid so
-- far (grosze, revenue: tips excluded), parts_paid how many parts; each part's tenders are kept in
-- receipt_parts until the last part closes the receipt, when they become the sale's payments.
-- Tips are recorded apart from revenue: payments.tip (what of that tender was a tip) and sales.tip
-- (their sum); sales.total stays the revenue.
-- A sale is never edited after payment: a void (whole sale or chosen lines, with a reason) is a row
-- of sale_corrections, amount in grosze taken back (positive; reports show it negative); line_ids is
-- a JSON array of the voided lines, NULL for the whole sale. correction_id is the client's id, so a
-- resent void is applied once.
ALTER TABLE receipts ADD COLUMN paid ${long} NOT NULL DEFAULT 0;
ALTER TABLE receipts ADD COLUMN parts_paid INTEGER NOT NULL DEFAULT 0;
CREATE TABLE receipt_parts (
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  receipt_id  TEXT    NOT NULL,
  position    ${long} NOT NULL,
  part        ${long} NOT NULL,
  method      TEXT    NOT NULL,
  amount      ${long} NOT NULL,
  tendered    ${long} NOT NULL,
  tip         ${long} NOT NULL,
  device_id   ${long} NOT NULL,
  user_id     ${long} NOT NULL,
  paid_at     ${long} NOT NULL,
  PRIMARY KEY (receipt_id, position)
) ${strict};
ALTER TABLE payments ADD COLUMN tip ${long} NOT NULL DEFAULT 0;
ALTER TABLE sales ADD COLUMN tip ${long} NOT NULL DEFAULT 0;
CREATE TABLE sale_corrections (
  id            TEXT    PRIMARY KEY,
  account_id    ${long} NOT NULL REFERENCES accounts (id),
  sale_id       TEXT    NOT NULL REFERENCES sales (id),
  shop_id       ${long} NOT NULL,
  device_id     ${long},
  user_id       ${long},
  admin_id      ${long},
  reason        TEXT    NOT NULL,
  amount        ${long} NOT NULL,
  line_ids      TEXT,
  created_at    ${long} NOT NULL
) ${strict};
CREATE INDEX sale_corrections_sale ON sale_corrections (account_id, sale_id);
CREATE INDEX sale_corrections_time ON sale_corrections (account_id, created_at);
