package paragon.receipts;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.config.JdbiConfig;

/**
 * The live lines of the receipts this node's commands last committed, so that a command on a 500-line
 * receipt does not read its 500 lines again (issue 11: such a command cost 1.6-1.7x one on a 1-line
 * receipt, nearly all of it that read). Only the lines: the receipt's row is read every time, and its
 * lines are taken from here only when the row names the state they were committed with (the same
 * space, seq, content seq and update time).
 *
 * <p>Why a seq names one state: every change to a receipt's lines writes its row with the next seq of
 * its space ({@link ReceiptStore#save}; a line removed or moved away leaves a receipt the command also
 * saves), and an entry is put only after its batch committed ({@link CommandService}), so neither a
 * rolled-back nor a retried batch, whose seqs are given out again, is ever here. A change this node
 * did not make (another node, a join) shows as another seq, and the lines are read from the database.
 *
 * <p>One per {@link org.jdbi.v3.core.Jdbi}, shared by its handles ({@link #createCopy} returns this;
 * made on the root by {@link #of}). Bounded by the lines it holds ({@value #MAX_LINES}): past that it
 * starts empty. With the system property {@value #VERIFY_PROPERTY} {@code =true} (the test suite),
 * every use is checked against the lines read from the database, and a difference throws.
 */
public final class LinesCache implements JdbiConfig<LinesCache> {
  static final int MAX_LINES = 200_000;
  static final String VERIFY_PROPERTY = "paragon.linesCache.verify";

  /** What a receipt's row said when its lines were committed. */
  private record Entry(String space, long seq, long contentSeq, long updatedAt, List<Line> lines) {
    boolean names(Receipt row) {
      return seq == row.seq() && contentSeq == row.contentSeq() && updatedAt == row.updatedAt()
          && space.equals(row.space());
    }
  }

  private record Key(long accountId, String receiptId) {}

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong held = new AtomicLong();
  private final int maxLines;
  private volatile boolean verify = Boolean.getBoolean(VERIFY_PROPERTY);

  /** For JDBI's registry; use {@link #of}. */
  public LinesCache() {
    this(MAX_LINES);
  }

  LinesCache(int maxLines) {
    this.maxLines = maxLines;
  }

  /** The cache of {@code jdbi}'s handles (made on its root the first time, so all of them share it). */
  static LinesCache of(org.jdbi.v3.core.Jdbi jdbi) {
    return jdbi.getConfig(LinesCache.class);
  }

  @Override
  public LinesCache createCopy() {
    return this;
  }

  /** The lines of the receipt whose row is {@code row}: kept if they are that state's, else {@code read}. */
  List<Line> lines(long accountId, Receipt row, Supplier<List<Line>> read) {
    Entry e = entries.get(new Key(accountId, row.id()));
    if (e == null || !e.names(row)) return read.get();
    if (verify) {
      List<Line> stored = read.get();
      if (!stored.equals(e.lines())) {
        throw new IllegalStateException("the lines cached for receipt " + row.id() + " at seq " + row.seq()
            + " are not the stored ones: cached " + e.lines() + ", stored " + stored);
      }
    }
    return e.lines();
  }

  /** Keeps {@code saved}'s lines: call only after the transaction that wrote it committed. */
  void put(long accountId, Receipt saved) {
    int size = saved.lines().size();
    if (held.addAndGet(size) > maxLines) {
      entries.clear();
      held.set(size);
    }
    Entry previous = entries.put(new Key(accountId, saved.id()),
        new Entry(saved.space(), saved.seq(), saved.contentSeq(), saved.updatedAt(), saved.lines()));
    if (previous != null) held.addAndGet(-previous.lines().size());
  }

  /** Tests that count statements: whether a use is checked against the stored lines (a read). */
  void verifying(boolean on) {
    verify = on;
  }

  /** Receipts held now (tests). */
  int size() {
    return entries.size();
  }
}
