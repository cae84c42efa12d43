-- Paragon schema, part 43: a day close keeps its report (issue 10). shop_id: the device's shop at the
-- close (a device may move shops later; the report stays where it was made). report: JSON computed
-- by the server in the day close's transaction (paragon.receipts.DayReport): sales by payment
-- method, by VAT rate (gross/net/tax), discounts, receipts, per cashier, the first and last sale, and
-- the open receipts left on the device. Day closes made before V43 have report NULL (their sales
-- and total stay in their columns).
ALTER TABLE day_closes ADD COLUMN shop_id ${long};
ALTER TABLE day_closes ADD COLUMN report TEXT;
UPDATE day_closes SET shop_id = (SELECT d.shop_id FROM devices d WHERE d.id = day_closes.device_id);
CREATE INDEX day_closes_time ON day_closes (account_id, created_at);
