-- Whether the account is the demo's (issue 15): only there may the owner change the plan in Settings,
-- so that gating can be tried; elsewhere the plan is the operator's (`account set-plan`). The demo
-- made before this migration is recognised by its owner's fixed email; `--demo` marks it again at start.
ALTER TABLE accounts ADD COLUMN demo ${bool} NOT NULL DEFAULT ${false};
UPDATE accounts SET demo = ${true}
  WHERE id IN (SELECT account_id FROM admins WHERE email = 'owner@bistro-demo.pl' AND role = 'OWNER');
