-- Webhooks (issue 14, paragon.webhooks, docs/api.md "Webhooks"). A subscription belongs to the account
-- (api_key_id is reserved for tying it to an API key later; null = the back office's); events: the
-- subscribed types, comma-separated with a leading and trailing comma (",sale.created,day.closed,") so
-- one LIKE finds a type; shop_id: only that shop's events when set; secret: the HMAC key, shown once.
CREATE TABLE webhook_subscriptions (
  id          ${id},
  account_id  ${long} NOT NULL REFERENCES accounts (id),
  api_key_id  ${long},
  url         TEXT    NOT NULL,
  events      TEXT    NOT NULL,
  shop_id     ${long},
  secret      TEXT    NOT NULL,
  created_at  ${long} NOT NULL,
  created_by  TEXT    NOT NULL
) ${strict};
CREATE INDEX webhook_subscriptions_account ON webhook_subscriptions (account_id);
-- The outbox: one row per event and subscription, written in the transaction of the change.
-- event_id: the event's id (the same in every subscription's row; receivers deduplicate on it);
-- body: the JSON posted. status: pending, delivered, failed. lease_until: a node that claimed the row
-- sends it until then; afterwards any node may claim it again (a crash loses no delivery).
-- window_start: when the 24 h of retries began (created_at, or the last "send again").
CREATE TABLE webhook_deliveries (
  id              ${id},
  account_id      ${long} NOT NULL REFERENCES accounts (id),
  subscription_id ${long} NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  event_id        TEXT    NOT NULL,
  type            TEXT    NOT NULL,
  body            TEXT    NOT NULL,
  status          TEXT    NOT NULL,
  attempts        INTEGER NOT NULL,
  next_attempt_at ${long} NOT NULL,
  lease_until     ${long},
  last_status     INTEGER,
  last_error      TEXT,
  window_start    ${long} NOT NULL,
  created_at      ${long} NOT NULL,
  delivered_at    ${long}
) ${strict};
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
CREATE INDEX webhook_deliveries_account ON webhook_deliveries (account_id, id);
