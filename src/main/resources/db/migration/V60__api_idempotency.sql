-- Idempotency keys of the integrator API's catalog writes (issue 14, paragon.integrations, docs/api.md
-- "Catalog writes"): per API key, the client's Idempotency-Key, what it was sent with (request_hash:
-- SHA-256 of the method, the path and the body) and the answer of the write it made (status and JSON
-- body), written in the write's own transaction, so a repeated key gets the first answer and never a
-- second write. Rows older than 24 h are forgotten (deleted when the key comes again).
CREATE TABLE api_idempotency (
  api_key_id    ${long} NOT NULL REFERENCES api_keys (id),
  idem_key      TEXT    NOT NULL,
  request_hash  TEXT    NOT NULL,
  status        INTEGER NOT NULL,
  response      TEXT    NOT NULL,
  created_at    ${long} NOT NULL,
  PRIMARY KEY (api_key_id, idem_key)
) ${strict};
