-- Paragon schema, part 20: receipts on terminals. Spaces and their seq, receipts and lines, the
-- command log per device, the change feed, sales with payments and VAT, table generations, audit.
-- See docs/protocol.md. Times are epoch milliseconds (UTC); money integer grosze; quantities in
-- thousandths of a unit.

-- A space is the set of receipts a group of devices shares: 'shop:<shopId>' or 'device:<deviceId>'.
-- seq grows by exactly one per change row: the total order of the space and every terminal's cursor.
CREATE TABLE spaces (
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  space       TEXT    NOT NULL,
  seq         ${long} NOT NULL,
  PRIMARY KEY (account_id, space)
) ${strict};

-- A predefined receipt's current generation in a space; the open receipt of a table has the id
-- uuid5(space/slot/generation), and paying (or merging away) the table starts the next generation.
CREATE TABLE slot_generations (
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  space       TEXT    NOT NULL,
  slot_id     TEXT    NOT NULL,
  generation  ${long} NOT NULL,
  PRIMARY KEY (account_id, space, slot_id)
) ${strict};

-- Receipts. id is the client's UUID (ad-hoc) or the derived table id. The space never changes.
-- number: the N of an ad-hoc "Sale N" while it is open (the next free number is the lowest unused).
CREATE TABLE receipts (
  id                 TEXT    PRIMARY KEY,
  account_id         ${long} NOT NULL REFERENCES accounts (id),
  space              TEXT    NOT NULL,
  shop_id            ${long} NOT NULL,
  slot_id            TEXT,
  generation         ${long},
  number             ${long},
  name               TEXT    NOT NULL,
  kind               TEXT    NOT NULL CHECK (kind IN ('TABLE', 'AD_HOC')),
  state              TEXT    NOT NULL CHECK (state IN ('OPEN', 'PAYING', 'CLOSED', 'DELETED')),
  owner_user_id      ${long} NOT NULL,
  owner_role_id      ${long} NOT NULL,
  created_by_user_id ${long} NOT NULL,
  created_on_device  ${long} NOT NULL,
  attention          ${bool} NOT NULL,
  recovered_from     TEXT,
  note               TEXT,
  guests             ${long} NOT NULL,
  lease_device_id    ${long},
  lease_user_id      ${long},
  lease_user_name    TEXT,
  lease_until        ${long},
  seq                ${long} NOT NULL,
  content_seq        ${long} NOT NULL,
  created_at         ${long} NOT NULL,
  updated_at         ${long} NOT NULL,
  closed_at          ${long}
) ${strict};
CREATE INDEX receipts_space_state ON receipts (account_id, space, state);

-- Lines. id is the client's UUID. A removed line keeps its row (removed = true) so a repeated removal
-- is a no-op and every accepted line stays accounted for; a moved line changes receipt_id.
CREATE TABLE lines (
  id          TEXT    PRIMARY KEY,
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  receipt_id  TEXT    NOT NULL REFERENCES receipts (id),
  position    ${long} NOT NULL,
  product_id  ${long},
  name        TEXT    NOT NULL,
  unit_price  ${long} NOT NULL CHECK (unit_price >= 0),
  quantity    ${long} NOT NULL CHECK (quantity > 0),
  vat         TEXT    NOT NULL CHECK (vat IN ('23', '8', '5', '0', 'ZW')),
  note        TEXT,
  sent        ${bool} NOT NULL,
  removed     ${bool} NOT NULL,
  created_at  ${long} NOT NULL
) ${strict};
CREATE INDEX lines_receipt ON lines (receipt_id, position);

-- Per device: the number of the last command applied (accepted or refused). Locked first by every
-- command of the device, so a device's commands apply once and in order.
CREATE TABLE command_cursors (
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  device_id   ${long} NOT NULL,
  last_n      ${long} NOT NULL,
  PRIMARY KEY (account_id, device_id)
) ${strict};

-- The command log: every applied command of a device, accepted or refused, with the ack it got, so a
-- repeated number is answered from here. body is the command's JSON; result the ack's JSON.
CREATE TABLE commands (
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  device_id   ${long} NOT NULL,
  n           ${long} NOT NULL,
  type        TEXT    NOT NULL,
  user_id     ${long} NOT NULL,
  status      TEXT    NOT NULL CHECK (status IN ('accepted', 'refused')),
  code        TEXT,
  seq         ${long},
  body        TEXT    NOT NULL,
  result      TEXT    NOT NULL,
  created_at  ${long} NOT NULL,
  PRIMARY KEY (account_id, device_id, n)
) ${strict};

-- The change feed: one row per receipt an accepted command touched, payload = the receipt's full
-- state after the change (paragon.receipts.ReceiptView JSON), CLOSED/DELETED included.
CREATE TABLE changes (
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  space       TEXT    NOT NULL,
  seq         ${long} NOT NULL,
  receipt_id  TEXT    NOT NULL,
  payload     TEXT    NOT NULL,
  created_at  ${long} NOT NULL,
  PRIMARY KEY (space, seq)
) ${strict};

-- The audit trail: one row per receipt an accepted command touched (who, which device, when, what).
CREATE TABLE receipt_audit (
  id          ${id},
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  receipt_id  TEXT    NOT NULL,
  device_id   ${long} NOT NULL,
  n           ${long} NOT NULL,
  user_id     ${long} NOT NULL,
  user_name   TEXT    NOT NULL,
  type        TEXT    NOT NULL,
  summary     TEXT    NOT NULL,
  seq         ${long} NOT NULL,
  created_at  ${long} NOT NULL
) ${strict};
CREATE INDEX receipt_audit_receipt ON receipt_audit (account_id, receipt_id, id);

-- A paid receipt's sale record (id = the receipt id: a receipt closes once). Lines stay in `lines`.
-- tendered = what the customer handed over; change_given = tendered - total (cash only).
CREATE TABLE sales (
  id            TEXT    PRIMARY KEY,
  account_id    ${long} NOT NULL REFERENCES accounts (id),
  shop_id       ${long} NOT NULL,
  space         TEXT    NOT NULL,
  device_id     ${long} NOT NULL,
  user_id       ${long} NOT NULL,
  owner_user_id ${long} NOT NULL,
  name          TEXT    NOT NULL,
  total         ${long} NOT NULL,
  tendered      ${long} NOT NULL,
  change_given  ${long} NOT NULL,
  seq           ${long} NOT NULL,
  day_close_id  ${long},
  closed_at     ${long} NOT NULL
) ${strict};
CREATE INDEX sales_account_time ON sales (account_id, closed_at);
CREATE INDEX sales_device ON sales (account_id, device_id, day_close_id);

-- One row per tender of a sale; amount is what counts towards the total (cash net of change).
CREATE TABLE payments (
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  sale_id     TEXT    NOT NULL REFERENCES sales (id),
  position    ${long} NOT NULL,
  method      TEXT    NOT NULL CHECK (method IN ('CASH', 'CARD', 'VOUCHER', 'TRANSFER')),
  amount      ${long} NOT NULL,
  tendered    ${long} NOT NULL,
  PRIMARY KEY (sale_id, position)
) ${strict};

-- VAT breakdown of a sale, computed by the server: gross per rate, net = round(gross*100/(100+rate)).
CREATE TABLE sale_vat (
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  sale_id     TEXT    NOT NULL REFERENCES sales (id),
  vat         TEXT    NOT NULL,
  gross       ${long} NOT NULL,
  net         ${long} NOT NULL,
  tax         ${long} NOT NULL,
  PRIMARY KEY (sale_id, vat)
) ${strict};

-- Day close per device: the device's sales since its previous close, totalled.
CREATE TABLE day_closes (
  id          ${id},
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  device_id   ${long} NOT NULL,
  user_id     ${long} NOT NULL,
  sales       ${long} NOT NULL,
  total       ${long} NOT NULL,
  created_at  ${long} NOT NULL
) ${strict};
CREATE INDEX day_closes_device ON day_closes (account_id, device_id, id);
