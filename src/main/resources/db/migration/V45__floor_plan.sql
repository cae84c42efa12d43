-- Paragon schema, part 45: the floor plan (issue 12). Per shop, rooms ("Sala", "Taras") in the owner's
-- order, and the shop's predefined receipts (receipt_slots, still the source of truth: a slot removed
-- from the list leaves the plan) placed on a 24x16 grid of a room, round or square, with their seats.
-- floor_plans holds a shop's "open too long" threshold in minutes (no row: the default 90).
CREATE TABLE floor_plans (
  shop_id                ${long} PRIMARY KEY REFERENCES shops (id),
  account_id             ${long} NOT NULL REFERENCES accounts (id),
  open_too_long_minutes  ${long} NOT NULL
) ${strict};

CREATE TABLE floor_rooms (
  id          ${id},
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  shop_id     ${long} NOT NULL REFERENCES shops (id),
  name        TEXT    NOT NULL,
  position    ${long} NOT NULL
) ${strict};
CREATE INDEX floor_rooms_shop ON floor_rooms (account_id, shop_id, position);

-- One cell holds one table: (room_id, x, y) is unique; a slot is placed at most once per shop.
CREATE TABLE floor_tables (
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  shop_id     ${long} NOT NULL REFERENCES shops (id),
  slot_id     TEXT    NOT NULL,
  room_id     ${long} NOT NULL REFERENCES floor_rooms (id),
  x           ${long} NOT NULL,
  y           ${long} NOT NULL,
  shape       TEXT    NOT NULL,
  seats       ${long} NOT NULL,
  PRIMARY KEY (shop_id, slot_id),
  UNIQUE (room_id, x, y)
) ${strict};
CREATE INDEX floor_tables_account ON floor_tables (account_id, shop_id);
