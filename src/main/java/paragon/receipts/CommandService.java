package paragon.receipts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.receipts.CommandLog.Logged;
import paragon.receipts.Outcome.Accepted;
import paragon.receipts.Outcome.Refused;
import paragon.storage.Database;
import paragon.web.I18n;
import paragon.web.Problem;

/**
 * Applies a device's commands: one command = one transaction, in order, once.
 *
 * <p>Per command: 1. lock the device's cursor; 2. a number at or below it is answered from the log
 * when it is the logged command again, and refused {@code number_reused} (nothing written) when it is
 * another command; one above it +1 is a gap; 3. lock the spaces it touches and load what the rules
 * need; 4. apply the pure rule; 5. write each touched receipt with the next seq of its space, its
 * change row and audit row, the sale; 6. log the command (accepted or refused) and move the cursor;
 * 7. after commit, tell the {@link Feed}. The transaction body is idempotent, so
 * {@link Database#inTransaction} may retry it.
 *
 * <p>A command never jams the device's outbox: when loading, a rule or persisting throws, that
 * transaction rolls back (none of its writes stay) and the command is recorded refused {@code internal}
 * (with the request id, which the log line carries too) in a fresh one, so the cursor moves on and the
 * device's later commands apply. Only a database that cannot be reached fails the request
 * ({@link Database#isUnavailable}): then nothing was decided and the terminal must send it again.
 */
public final class CommandService {
  private static final Logger log = LoggerFactory.getLogger(CommandService.class);
  /** Commands per request: a terminal back online sends its outbox in chunks of at most this many. */
  public static final int MAX_BATCH = 500;

  private final Database db;
  private final Feed feed;
  private final Clock clock;

  public CommandService(Database db, Feed feed, Clock clock) {
    this.db = db;
    this.feed = feed;
    this.clock = clock;
  }

  /** The number {@code deviceId}'s next command must have (the device API tells a terminal at pairing and login). */
  public long nextNumber(long accountId, long deviceId) {
    return db.read(h -> CommandLog.next(h, accountId, deviceId));
  }

  /**
   * Applies a batch {@code [{n, type, ...}]} and answers one ack per command, in order; {@code requestId}
   * names the request in an {@code internal} refusal.
   */
  public List<Ack> submit(Actor actor, JsonNode batch, I18n i18n, String requestId) {
    if (batch == null || !batch.isArray()) throw Problem.invalid("commands", "receipts.batch.array");
    if (batch.size() > MAX_BATCH) throw Problem.invalid("commands", "receipts.batch.size", MAX_BATCH);
    for (int i = 0; i < batch.size(); i++) {
      JsonNode c = batch.get(i);
      // canConvertToLong: 2^64 + 33 is refused, not read as 33.
      JsonNode n = c.path("n");
      if (!c.isObject() || !n.canConvertToExactIntegral() || !n.canConvertToLong() || n.asLong() < 1) {
        throw Problem.invalid("commands[" + i + "].n", "receipts.batch.n");
      }
    }
    // After a reused number the rest of the batch is not applied: the terminal renumbers it from
    // `expected`, and applying what follows first would break the order of its commands.
    List<Ack> acks = new ArrayList<>(batch.size());
    Ack reused = null;
    for (JsonNode c : batch) {
      long n = c.get("n").asLong();
      Ack ack = reused != null
          ? Ack.afterReused(n, reused, i18n)
          : apply(actor, n, CommandParser.parse(c), i18n, requestId);
      if (reused == null && ack.isReused()) reused = ack;
      acks.add(ack);
    }
    return acks;
  }

  private Ack apply(Actor a, long n, CommandParser.Parsed parsed, I18n i18n, String requestId) {
    try {
      return apply(a, n, parsed, null, i18n);
    } catch (RuntimeException e) {
      if (Database.isUnavailable(e)) throw e;
      log.error("command {} ({}) of device {} threw; recording it refused internal, request {}", n, parsed.type(),
          a.deviceId(), requestId, e);
      return apply(a, n, parsed, Refusals.internal(requestId), i18n);
    }
  }

  /** One command in one transaction; with {@code forced} set, it is recorded as that refusal, rules unasked. */
  private Ack apply(Actor requested, long n, CommandParser.Parsed parsed, Refused forced, I18n i18n) {
    long now = clock.millis();
    Map<String, Long> committed = new TreeMap<>();
    Ack ack = db.inTransaction(h -> {
      committed.clear();
      CommandLog.Cursor cursor = CommandLog.lockReadingRevision(h, requested.accountId(), requested.deviceId());
      long last = cursor.lastN();
      Actor a = requested.asAppliedNow(h, cursor);
      if (n <= last) {
        CommandLog.Entry entry = CommandLog.find(h, a.accountId(), a.deviceId(), n);
        return entry.sameCommand(parsed.body()) ? Ack.of(n, entry.logged(), true, i18n) : Ack.reused(n, last + 1, i18n);
      }
      if (n > last + 1) return Ack.gap(n, last + 1, i18n);
      Logged logged;
      if (forced != null) {
        logged = Logged.refused(forced);
      } else if (parsed.invalid() != null) {
        logged = Logged.refused(parsed.invalid());
      } else {
        Names names = I18nNames.of(a.config().language());
        RuleState state = StateLoader.load(h, a, parsed.command(), now, names);
        Outcome outcome = Rules.apply(parsed.command(), state, new Context(a, n, now, names));
        logged = switch (outcome) {
          case Refused r -> Logged.refused(r);
          case Accepted acc -> persist(h, a, n, parsed, acc, state, now, committed);
        };
      }
      CommandLog.record(h, a, n, parsed.type(), parsed.body(), logged, now);
      return Ack.of(n, logged, false, i18n);
    });
    committed.forEach((space, seq) -> feed.committed(requested.accountId(), space, seq));
    return ack;
  }

  private static Logged persist(org.jdbi.v3.core.Handle h, Actor a, long n, CommandParser.Parsed parsed, Accepted acc,
      RuleState state, long now, Map<String, Long> committed) {
    Long mainSeq = null;
    String mainSpace = null;
    Map<String, Object> result = new LinkedHashMap<>(acc.result());
    Map<String, Receipt> lastInSpace = new LinkedHashMap<>();
    for (Receipt r : acc.touched()) lastInSpace.put(r.space(), r);
    for (Receipt r : acc.touched()) {
      Receipt before = state.receipt(r.id());
      if (!state.lockedSpaces().contains(r.space())) ChangeWriter.lock(h, a.accountId(), r.space());
      long seq = ChangeWriter.next(h, a.accountId(), r.space());
      boolean charged = before == null || !before.charged().equals(r.charged());
      Receipt saved = r.withSeqs(seq, charged ? seq : before.contentSeq());
      ReceiptStore.save(h, a.accountId(), before, saved);
      if (saved.slotId() != null && !saved.isOpen() && (before == null || before.isOpen())) {
        ReceiptStore.endGeneration(h, a.accountId(), saved.space(), saved.slotId(), saved.generation());
      }
      // The command's last row in a space says so: with it the device's commands up to n are all there.
      ChangeWriter.By completes = lastInSpace.get(r.space()) == r ? new ChangeWriter.By(a.deviceId(), n) : null;
      ChangeWriter.write(h, a.accountId(), saved.view(seq, saved.contentSeq()), completes, now);
      Audit.write(h, a, n, parsed.type(), parsed.body(), saved.id(), seq, now);
      committed.merge(saved.space(), seq, Math::max);
      if (saved.id().equals(acc.main())) {
        mainSeq = seq;
        mainSpace = saved.space();
      }
      if (acc.sale() != null && saved.id().equals(acc.sale().receiptId())) {
        SaleRecords.write(h, a, acc.sale(), saved, seq, now);
      }
    }
    ReceiptStore.markRemoved(h, a.accountId(), acc.removedLines());
    if (acc.dayClose()) result.putAll(SaleRecords.dayClose(h, a, now));
    if (mainSeq == null && state.receipt(acc.main()) != null) {
      mainSeq = state.receipt(acc.main()).seq();
      mainSpace = state.receipt(acc.main()).space();
    }
    return Logged.accepted(mainSeq, mainSpace, result);
  }
}
