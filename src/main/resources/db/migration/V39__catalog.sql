-- Paragon schema, part 39: the product catalog (issue 10). Categories are rows of their own (ordered,
-- renamable, archivable); a product names its category by id. products.category (the name) stays
-- as it was written by earlier versions and is kept equal to the category's name by the catalog
-- store, so old revision snapshots and the demo's data read the same. Archived rows are never
-- deleted: an open receipt or a sale keeps its own copy of name, price and VAT (lines), so archiving
-- breaks nothing; an archived product is simply not in the next revision's snapshot.
CREATE TABLE categories (
  id          ${id},
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  name        TEXT    NOT NULL,
  position    ${long} NOT NULL,
  archived    ${bool} NOT NULL,
  created_at  ${long} NOT NULL
) ${strict};
CREATE INDEX categories_account ON categories (account_id, position);

INSERT INTO categories (account_id, name, position, archived, created_at)
  SELECT account_id, category, MIN(position), ${false}, 0 FROM products GROUP BY account_id, category;

ALTER TABLE products ADD COLUMN category_id ${long} REFERENCES categories (id);
ALTER TABLE products ADD COLUMN short_code TEXT;
ALTER TABLE products ADD COLUMN archived ${bool} NOT NULL DEFAULT ${false};
ALTER TABLE products ADD COLUMN created_at ${long} NOT NULL DEFAULT 0;

UPDATE products SET category_id =
  (SELECT c.id FROM categories c WHERE c.account_id = products.account_id AND c.name = products.category);

-- A shop's own price (NULL: the product's price) and availability (false: not sold in that shop).
-- No row: the product's price, available.
CREATE TABLE product_shops (
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  product_id  ${long} NOT NULL REFERENCES products (id),
  shop_id     ${long} NOT NULL REFERENCES shops (id),
  price       ${long} CHECK (price IS NULL OR price >= 0),
  available   ${bool} NOT NULL,
  PRIMARY KEY (product_id, shop_id)
) ${strict};

-- Modifier groups ("Size": min 1, max 1; "Extras": min 0, max 0 = as many as there are options).
CREATE TABLE modifier_groups (
  id           ${id},
  account_id   ${long} NOT NULL REFERENCES accounts (id),
  name         TEXT    NOT NULL,
  min_choices  ${long} NOT NULL CHECK (min_choices >= 0),
  max_choices  ${long} NOT NULL CHECK (max_choices >= 0),
  position     ${long} NOT NULL,
  archived     ${bool} NOT NULL,
  created_at   ${long} NOT NULL
) ${strict};
CREATE INDEX modifier_groups_account ON modifier_groups (account_id, position);

-- A group's options; price_delta in grosze (0 allowed, negative allowed down to the product's price).
CREATE TABLE modifier_options (
  id           ${id},
  account_id   ${long} NOT NULL REFERENCES accounts (id),
  group_id     ${long} NOT NULL REFERENCES modifier_groups (id),
  name         TEXT    NOT NULL,
  price_delta  ${long} NOT NULL,
  position     ${long} NOT NULL,
  archived     ${bool} NOT NULL
) ${strict};
CREATE INDEX modifier_options_group ON modifier_options (group_id, position);

-- Which groups a product asks for, in order.
CREATE TABLE product_modifier_groups (
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  product_id  ${long} NOT NULL REFERENCES products (id),
  group_id    ${long} NOT NULL REFERENCES modifier_groups (id),
  position    ${long} NOT NULL,
  PRIMARY KEY (product_id, group_id)
) ${strict};
