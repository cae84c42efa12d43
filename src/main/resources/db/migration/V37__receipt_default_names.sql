-- Paragon schema, part 37: a receipt's default name (issue 8). Each terminal renders an ad-hoc "Sale N"
-- and a recovered name in its own language, so the receipt keeps how it is named, as JSON
-- {"number": N, "base": text, "recovered": bool} (paragon.receipts.DefaultName), besides `name` (the
-- name in the account's language). NULL: a name a person gave (a rename) or a table's, shown as it is.
-- Receipts written before keep NULL: they are shown by their stored name, which still counts as in use.
ALTER TABLE receipts ADD COLUMN default_name TEXT;
