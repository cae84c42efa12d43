-- Paragon schema, part 44: restaurant service (issue 12). A line may carry a course (1, 2, 3 ...: the
-- kitchen gets later courses when they are fired) and a seat (the guest's place at the table, for the
-- bill split by seat); sent_at is when it was sent to the kitchen (epoch ms). NULL: not set; lines sent
-- before V44 keep sent = TRUE with sent_at NULL.
ALTER TABLE lines ADD COLUMN course INTEGER;
ALTER TABLE lines ADD COLUMN seat INTEGER;
ALTER TABLE lines ADD COLUMN sent_at ${long};
