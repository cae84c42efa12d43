-- Who voided, as a name kept on the correction (as sales keep the cashier's): the receipts package
-- reads no accounts table (docs/tables.md), and a renamed or archived user stays named as they were.
ALTER TABLE sale_corrections ADD COLUMN by_name TEXT NOT NULL DEFAULT '';
