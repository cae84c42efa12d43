-- Paragon schema, part 40: modifiers and discounts on lines, a discount on the whole receipt, and a
-- sale's discount total (issue 10).
-- lines.modifiers: JSON array of the chosen options as the server priced them,
--   [{"groupId":1,"optionId":3,"group":"Size","name":"Large","delta":200}], NULL = none;
--   unit_price already includes the deltas (the line's price is the server's).
-- discount_kind: 'PERCENT' (discount_value in hundredths of a percent, 1000 = 10%) or 'AMOUNT'
--   (discount_value in grosze off the line's total); NULL = no discount. discount_reason: free text.
ALTER TABLE lines ADD COLUMN modifiers TEXT;
ALTER TABLE lines ADD COLUMN discount_kind TEXT CHECK (discount_kind IS NULL OR discount_kind IN ('PERCENT', 'AMOUNT'));
ALTER TABLE lines ADD COLUMN discount_value ${long};
ALTER TABLE lines ADD COLUMN discount_reason TEXT;

ALTER TABLE receipts ADD COLUMN discount_kind TEXT CHECK (discount_kind IS NULL OR discount_kind IN ('PERCENT', 'AMOUNT'));
ALTER TABLE receipts ADD COLUMN discount_value ${long};
ALTER TABLE receipts ADD COLUMN discount_reason TEXT;

-- A sale's discounts in grosze (line discounts + the receipt's), so total = sum of lines - discount.
ALTER TABLE sales ADD COLUMN discount ${long} NOT NULL DEFAULT 0;
