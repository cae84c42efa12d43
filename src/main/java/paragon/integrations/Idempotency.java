package paragon.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import paragon.storage.Database;
import paragon.web.Json;
import paragon.web.Problem;
import paragon.web.Tokens;

/**
 * {@code Idempotency-Key} of the catalog writes (docs/api.md, "Catalog writes"), kept per API key in
 * {@code api_idempotency} (V60) for {@link #KEEP_MILLIS}. The key's row is inserted in the very
 * transaction of the write, so the write and its remembered answer commit together or not at all:
 * <ol>
 *   <li>a key seen with the same request (method, path, body as JSON with its fields sorted) answers
 *       the stored status and body, and writes nothing;</li>
 *   <li>a key seen with another request is refused with 422 {@code idempotency_mismatch};</li>
 *   <li>two requests racing with one key: the second's insert conflicts with the first's row, its
 *       whole transaction (its write too) rolls back, and it answers the first's answer (rule 1);</li>
 *   <li>a write that is refused (400, 404, 409) stores nothing: the same key may be sent again.</li>
 * </ol>
 */
final class Idempotency {
  static final long KEEP_MILLIS = 24L * 60 * 60 * 1000;
  static final String HEADER = "Idempotency-Key";
  static final int MAX_LENGTH = 255;

  /** A write's answer: its status and JSON body; {@code replayed}: read back from a key's first request. */
  record Answer(int status, String body, boolean replayed) {
    Answer(int status, String body) {
      this(status, body, false);
    }
  }

  /** The write itself, in the transaction that also records the key. */
  interface Write {
    Answer run(Handle h);
  }

  private record Stored(String hash, int status, String body, long createdAt) {}

  private final Database db;
  private final Clock clock;

  Idempotency(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Runs {@code write} once for {@code key}'s {@code idemKey} (null: no key, simply runs it). */
  Answer once(ApiKeys.Key key, String idemKey, String method, String path, JsonNode body, Write write) {
    if (idemKey == null) return db.inTransaction(write::run);
    String k = idemKey.strip();
    if (k.isEmpty() || k.length() > MAX_LENGTH || !k.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw Problem.invalid(HEADER, "api.idempotency.invalid", MAX_LENGTH);
    }
    String hash = Tokens.hash(method + " " + path + "\n" + canonical(body));
    Optional<Answer> first = earlier(key.id(), k, hash);
    if (first.isPresent()) return first.get();
    try {
      return db.inTransaction(h -> {
        long now = clock.millis();
        h.createUpdate("DELETE FROM api_idempotency WHERE api_key_id = :k AND idem_key = :i AND created_at < :old")
            .bind("k", key.id()).bind("i", k).bind("old", now - KEEP_MILLIS).execute();
        Answer a = write.run(h);
        h.createUpdate("""
                INSERT INTO api_idempotency (api_key_id, idem_key, request_hash, status, response, created_at)
                VALUES (:k, :i, :h, :s, :r, :t)""")
            .bind("k", key.id()).bind("i", k).bind("h", hash).bind("s", a.status()).bind("r", a.body())
            .bind("t", now).execute();
        return a;
      });
    } catch (Problem p) {
      throw p;
    } catch (RuntimeException e) {
      // Rule 3: another request with this key committed first (our insert conflicted); else a real failure.
      return earlier(key.id(), k, hash).orElseThrow(() -> e);
    }
  }

  /** Rules 1 and 2: the answer of this key's earlier request, if it is still kept. */
  private Optional<Answer> earlier(long keyId, String idemKey, String hash) {
    Optional<Stored> stored = db.read(h -> h.createQuery("""
            SELECT request_hash, status, response, created_at FROM api_idempotency
            WHERE api_key_id = :k AND idem_key = :i AND created_at >= :old""")
        .bind("k", keyId).bind("i", idemKey).bind("old", clock.millis() - KEEP_MILLIS)
        .map((rs, ctx) -> new Stored(rs.getString("request_hash"), rs.getInt("status"), rs.getString("response"),
            rs.getLong("created_at")))
        .findOne());
    if (stored.isEmpty()) return Optional.empty();
    if (!stored.get().hash().equals(hash)) {
      throw Problem.of(422, "idempotency_mismatch", "api.idempotency.mismatch");
    }
    return Optional.of(new Answer(stored.get().status(), stored.get().body(), true));
  }

  /** {@code body} as JSON text with every object's fields sorted, so the order of fields does not count. */
  static String canonical(JsonNode body) {
    return sorted(body).toString();
  }

  private static JsonNode sorted(JsonNode n) {
    if (n.isObject()) {
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      Collections.sort(names);
      ObjectNode out = Json.MAPPER.createObjectNode();
      for (String name : names) out.set(name, sorted(n.get(name)));
      return out;
    }
    if (n.isArray()) {
      var out = Json.MAPPER.createArrayNode();
      n.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return n;
  }
}
