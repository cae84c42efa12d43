-- Whether tapping a product already on the receipt as an unsent line with the same price, no note and
-- no modifiers adds to that line's quantity (issue 15). On by default; the owner can turn it off in
-- Settings. The terminal's rules read it from the configuration snapshot.
ALTER TABLE accounts ADD COLUMN merge_lines ${bool} NOT NULL DEFAULT ${true};
