package paragon.receipts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import paragon.receipts.CommandLog.Logged;
import paragon.receipts.Outcome.Accepted;
import paragon.receipts.Outcome.Refused;
import paragon.metrics.Metrics;
import paragon.storage.Database;
import paragon.web.I18n;
import paragon.web.Problem;

/**
 * Applies a device's commands in order, once, in group commits (issue 11).
 *
 * <p>A request's commands queue in a {@link Sequencer} lane: on SQLite one lane for the whole file
 * (one writer, FIFO across spaces, so a command never meets the busy handler); on PostgreSQL
 * {@value #POSTGRES_WORKERS} lanes, a space's commands always in the one its hash picks, all lanes at
 * once. A worker applies what queued in a lane
 * while its previous batch ran in ONE transaction; the request's thread waits for its acks, which it
 * gets only after that transaction committed.
 *
 * <p>Per command, in the batch's transaction: 1. lock the device's cursor; 2. a number at or below it
 * is answered from the log when it is the logged command again, and refused {@code number_reused}
 * (nothing written) when it is another command; one above it +1 is a gap; 3. lock the spaces it
 * touches and load what the rules need; 4. apply the pure rule; 5. write each touched receipt with
 * the next seq of its space, its change row and audit row, the sale; 6. log the command (accepted or
 * refused) and move the cursor. After commit: 7. tell the {@link Feed} once per space the batch
 * touched, with its highest seq; 8. answer each request. Commands of one request are applied in its
 * order, requests of a lane in the order they arrived; a later command of a device in the same batch
 * sees the earlier ones' writes. The batch body is idempotent, so {@link Database#inTransaction} may
 * retry it whole (a serialization failure, a deadlock).
 *
 * <p>A command never jams the device's outbox: when loading, a rule or persisting throws, the batch
 * rolls back (none of its writes stay) and is applied again with that command recorded refused
 * {@code internal} (with the request id, which the log line carries too) without asking its rules, so
 * the cursor moves on, the device's later commands apply and the other commands of the batch commit.
 * A rollback and rerun instead of a savepoint per command: a command that throws is a bug, rare, and a
 * savepoint would cost two round trips on every command (and a PostgreSQL subtransaction each). Only a
 * database that cannot be reached fails the requests of the batch ({@link Database#isUnavailable}):
 * then nothing was decided and the terminals must send them again.
 */
public final class CommandService {
  private static final Logger log = LoggerFactory.getLogger(CommandService.class);
  /** Commands per request: a terminal back online sends its outbox in chunks of at most this many. */
  public static final int MAX_BATCH = 500;
  /** Commands per group commit, at most (a larger request is one alone). */
  static final int MAX_GROUP = 64;
  /** PostgreSQL lanes applied at once: the pool has 12 connections, reads and the stream need the rest. */
  static final int POSTGRES_WORKERS = 6;
  private static final Object SQLITE_LANE = "sqlite";

  private final Database db;
  private final Feed feed;
  private final Clock clock;
  private final Sequencer<Request> sequencer;
  private final Metrics metrics;
  private final io.micrometer.core.instrument.Timer latency;
  private final LinesCache lines;

  /** Counting into metrics nobody scrapes (a service built alone, in a test). */
  public CommandService(Database db, Feed feed, Clock clock) {
    this(db, feed, clock, Metrics.unscraped());
  }

  /**
   * {@code metrics}: {@code paragon_commands_total} by type and outcome, and each command's wait from
   * its request's arrival to its ack in {@code paragon_command_seconds}.
   */
  public CommandService(Database db, Feed feed, Clock clock, Metrics metrics) {
    this.metrics = metrics;
    this.latency = metrics.timer("paragon_command_seconds");
    this.db = db;
    this.feed = feed;
    this.clock = clock;
    this.lines = LinesCache.of(db.jdbi());
    int workers = db.dialect() == Database.Dialect.SQLITE ? 1 : POSTGRES_WORKERS;
    this.sequencer = new Sequencer<>("commands", workers, MAX_GROUP, this::run);
  }

  /** The number {@code deviceId}'s next command must have (the device API tells a terminal at pairing and login). */
  public long nextNumber(long accountId, long deviceId) {
    return db.read(h -> CommandLog.next(h, accountId, deviceId));
  }

  /**
   * Applies a batch {@code [{n, type, ...}]} and answers one ack per command, in order, once they
   * committed; {@code requestId} names the request in an {@code internal} refusal.
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
    if (batch.isEmpty()) return List.of();
    List<Job> jobs = new ArrayList<>(batch.size());
    for (JsonNode c : batch) jobs.add(new Job(c.get("n").asLong(), CommandParser.parse(c)));
    Request request = new Request(actor, jobs, i18n, requestId);
    Object lane = db.dialect() == Database.Dialect.SQLITE ? SQLITE_LANE : postgresLane(actor);
    long started = System.nanoTime();
    sequencer.submit(lane, request);
    List<Ack> acks = request.await();
    count(jobs, acks, System.nanoTime() - started);
    return acks;
  }

  /**
   * The PostgreSQL lane of an actor's space: one of {@value #POSTGRES_WORKERS}, by the space's hash, so a
   * device's commands always queue in one lane (in order), while commands of different spaces that
   * hash alike share a batch and its commit (one lane per space gave every shop a transaction of its
   * own per command: no grouping with many shops).
   */
  static int postgresLane(Actor actor) {
    return Math.floorMod(java.util.Objects.hash(actor.accountId(), actor.space()), POSTGRES_WORKERS);
  }

  /** The type label: a known command's type, "invalid" for one that did not parse (never user text). */
  private void count(List<Job> jobs, List<Ack> acks, long nanos) {
    for (int i = 0; i < acks.size(); i++) {
      CommandParser.Parsed p = jobs.get(i).parsed;
      String type = p.command() == null ? "invalid" : p.type();
      metrics.counter("paragon_commands_total", "type", type, "outcome", acks.get(i).status()).increment();
      latency.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  /** Requests waiting for a batch now (tests: a batch taken after they queued is shared). */
  int queued() {
    return sequencer.queued();
  }

  /** Requests submitted and not yet answered (tests: one is in a batch when it is here and not queued). */
  int unanswered() {
    return sequencer.unanswered();
  }

  /** One command of a request; {@code forced} once it threw: then it is recorded as that refusal. */
  private static final class Job {
    final long n;
    final CommandParser.Parsed parsed;
    long now = -1;
    Refused forced;

    Job(long n, CommandParser.Parsed parsed) {
      this.n = n;
      this.parsed = parsed;
    }
  }

  /**
   * A request waiting in the sequencer. Written by the worker; read by the request's thread after
   * {@code done} completed (which orders the two).
   */
  private static final class Request implements Sequencer.Queued {
    final Actor actor;
    final List<Job> jobs;
    final I18n i18n;
    final String requestId;
    final CompletableFuture<List<Ack>> done = new CompletableFuture<>();

    Request(Actor actor, List<Job> jobs, I18n i18n, String requestId) {
      this.actor = actor;
      this.jobs = jobs;
      this.i18n = i18n;
      this.requestId = requestId;
    }

    @Override
    public int size() {
      return jobs.size();
    }

    @Override
    public void fail(Throwable e) {
      done.completeExceptionally(e);
    }

    List<Ack> await() {
      try {
        return done.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        // Its batch may still commit: a resend is answered from the log.
        throw new IllegalStateException("interrupted waiting for the acks of request " + requestId, e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) throw r;
        if (e.getCause() instanceof Error r) throw r;
        throw new IllegalStateException("request " + requestId + " failed", e.getCause());
      }
    }
  }

  /** A space of an account. */
  private record Space(long accountId, String space) {}

  /** A receipt as a command wrote it. */
  private record Saved(long accountId, Receipt receipt) {}

  /** One try of a batch's transaction: rebuilt whole when it is retried. */
  private static final class Attempt {
    final Map<Request, List<Ack>> acks = new HashMap<>();
    final Map<Space, Long> committed = new LinkedHashMap<>();
    /** The change rows written, per space in seq order: the stream gets them without reading them back. */
    final Map<Space, List<ChangeFeed.ChangeRow>> rows = new HashMap<>();
    /** The receipts written, in order: their lines go into the {@link LinesCache} once this commits. */
    final List<Saved> saved = new ArrayList<>();
    Request request;
    Job job;

    void reset() {
      acks.clear();
      committed.clear();
      rows.clear();
      saved.clear();
      request = null;
      job = null;
    }
  }

  /** The sequencer's batch runner: applies {@code batch} in one transaction and answers every request. */
  private void run(List<Request> batch) {
    List<Request> live = new ArrayList<>(batch);
    while (!live.isEmpty()) {
      Attempt at = new Attempt();
      try {
        db.inTransaction(h -> {
          at.reset();
          for (Request r : live) at.acks.put(r, applyAll(h, r, at));
          at.request = null;
          at.job = null;
          return null;
        });
      } catch (RuntimeException e) {
        Request culprit = at.request;
        Job job = at.job;
        if (Database.isUnavailable(e) || culprit == null) {
          // Nothing was decided (or the commit itself failed): every sender sends again.
          for (Request r : live) r.fail(e);
          return;
        }
        if (job.forced == null) {
          log.error("command {} ({}) of device {} threw; recording it refused internal, request {}", job.n,
              job.parsed.type(), culprit.actor.deviceId(), culprit.requestId, e);
          job.forced = Refusals.internal(culprit.requestId);
        } else {
          // Recording the refusal threw as well: this request fails alone, the rest of the batch goes on.
          log.error("recording command {} of device {} refused internal threw; failing request {}", job.n,
              culprit.actor.deviceId(), culprit.requestId, e);
          live.remove(culprit);
          culprit.fail(e);
        }
        continue;
      }
      for (Saved s : at.saved) lines.put(s.accountId(), s.receipt());
      try {
        at.committed.forEach((s, seq) -> feed.committed(s.accountId(), s.space(), seq,
            at.rows.getOrDefault(s, List.of())));
      } finally {
        for (Request r : live) r.done.complete(at.acks.get(r));
      }
      return;
    }
  }

  /** The commands of {@code r} in order; after a reused number the rest of the request is not applied. */
  private List<Ack> applyAll(Handle h, Request r, Attempt at) {
    // After a reused number the rest of the request is not applied: the terminal renumbers it from
    // `expected`, and applying what follows first would break the order of its commands.
    List<Ack> acks = new ArrayList<>(r.jobs.size());
    Ack reused = null;
    for (Job job : r.jobs) {
      Ack ack;
      if (reused != null) {
        ack = Ack.afterReused(job.n, reused, r.i18n);
      } else {
        at.request = r;
        at.job = job;
        if (job.now < 0) job.now = clock.millis();
        Map<String, Long> committed = new TreeMap<>();
        List<ChangeFeed.ChangeRow> written = new ArrayList<>();
        List<Receipt> saved = new ArrayList<>();
        ack = apply(h, r.actor, job.n, job.parsed, job.forced, r.i18n, job.now, committed, written, saved);
        for (Receipt receipt : saved) at.saved.add(new Saved(r.actor.accountId(), receipt));
        committed.forEach((space, seq) -> at.committed.merge(new Space(r.actor.accountId(), space), seq, Math::max));
        for (ChangeFeed.ChangeRow row : written) {
          at.rows.computeIfAbsent(new Space(r.actor.accountId(), row.space()), k -> new ArrayList<>()).add(row);
        }
      }
      if (reused == null && ack.isReused()) reused = ack;
      acks.add(ack);
    }
    return acks;
  }

  /** One command in the batch's transaction; with {@code forced} set, it is recorded as that refusal, rules unasked. */
  private static Ack apply(Handle h, Actor requested, long n, CommandParser.Parsed parsed, Refused forced, I18n i18n,
      long now, Map<String, Long> committed, List<ChangeFeed.ChangeRow> written, List<Receipt> saved) {
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
        case Accepted acc -> persist(h, a, n, parsed, acc, state, now, committed, written, saved);
      };
    }
    CommandLog.record(h, a, n, parsed.type(), parsed.body(), logged, now);
    return Ack.of(n, logged, false, i18n);
  }

  private static Logged persist(org.jdbi.v3.core.Handle h, Actor a, long n, CommandParser.Parsed parsed, Accepted acc,
      RuleState state, long now, Map<String, Long> committed, List<ChangeFeed.ChangeRow> written,
      List<Receipt> savedOut) {
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
      savedOut.add(saved);
      if (saved.slotId() != null && !saved.isOpen() && (before == null || before.isOpen())) {
        ReceiptStore.endGeneration(h, a.accountId(), saved.space(), saved.slotId(), saved.generation());
      }
      // The command's last row in a space says so: with it the device's commands up to n are all there.
      ChangeWriter.By completes = lastInSpace.get(r.space()) == r ? new ChangeWriter.By(a.deviceId(), n) : null;
      written.add(ChangeWriter.write(h, a.accountId(), before, saved, completes, now));
      Audit.write(h, a, n, parsed.type(), parsed.body(), saved.id(), seq, now);
      ReceiptEvents.receipt(h, a, before, saved, now);
      committed.merge(saved.space(), seq, Math::max);
      if (saved.id().equals(acc.main())) {
        mainSeq = seq;
        mainSpace = saved.space();
      }
      if (acc.sale() != null && saved.id().equals(acc.sale().receiptId())) {
        SaleRecords.write(h, a, acc.sale(), saved, seq, now);
        ReceiptEvents.sale(h, a, acc.sale(), saved, now);
      }
      if (acc.part() != null && saved.id().equals(acc.part().receiptId())) SaleRecords.writePart(h, a, acc.part(), now);
    }
    ReceiptStore.markRemoved(h, a.accountId(), acc.removedLines());
    for (KitchenTickets.Draft d : KitchenTickets.of(parsed.command(), state, acc)) KitchenStore.write(h, a, n, now, d);
    if (acc.attention() != null) {
      Receipt named = state.receipt(acc.attention().receiptId());
      Attention.write(h, a, n, acc.attention(), named == null ? a.shopId() : named.shopId(), now);
      // Nothing changed on the receipt: its trail still tells that this payment came.
      if (acc.touched().isEmpty()) {
        Audit.write(h, a, n, parsed.type(), parsed.body(), acc.attention().receiptId(),
            named == null ? 0 : named.seq(), now);
      }
    }
    if (acc.dayClose()) {
      Map<String, Object> closed = SaleRecords.dayClose(h, a, now);
      result.putAll(closed);
      ReceiptEvents.dayClosed(h, a, closed, now);
    }
    if (mainSeq == null && state.receipt(acc.main()) != null) {
      mainSeq = state.receipt(acc.main()).seq();
      mainSpace = state.receipt(acc.main()).space();
    }
    return Logged.accepted(mainSeq, mainSpace, result);
  }
}
