package paragon.receipts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit (issue 11): requests queue in memory per lane, and a worker takes what a lane holds and
 * hands it on as one batch, which the caller applies in one transaction.
 *
 * <p>A lane is a key chosen by the caller (on SQLite one for the whole file, on PostgreSQL the
 * actor's space). At most one worker runs a lane at a time, so a lane's batches run one after another
 * in the order their requests arrived; at most {@code workers} lanes run at once. A lane that has run
 * a batch goes to the back of the workers' queue (FIFO across lanes: a busy lane does not starve the
 * others); a lane with nothing queued is removed. Workers are daemon threads that end when idle.
 *
 * <p>A batch never waits for more requests: it is what queued while the previous one ran, whole
 * requests, up to {@code maxCommands} commands (a larger request is a batch alone).
 */
final class Sequencer<R extends Sequencer.Queued> {
  private static final Logger log = LoggerFactory.getLogger(Sequencer.class);

  /** A request in a lane. */
  interface Queued {
    /** Commands it carries: what the batch bound counts. */
    int size();

    /** Its batch could not be run: answer its sender with {@code e}. */
    void fail(Throwable e);
  }

  private final int maxCommands;
  private final Consumer<List<R>> run;
  private final ThreadPoolExecutor workers;
  // All lane state is guarded by this.
  private final Map<Object, Lane> lanes = new HashMap<>();
  private int queued;
  private int unanswered;

  private final class Lane {
    final Object key;
    final ArrayDeque<R> queue = new ArrayDeque<>();
    /** A worker runs this lane now, or it waits in the workers' queue. */
    boolean scheduled;

    Lane(Object key) {
      this.key = key;
    }
  }

  /**
   * {@code run} applies one batch and answers every request of it (completing or failing each); it
   * runs on a worker thread.
   */
  Sequencer(String name, int workers, int maxCommands, Consumer<List<R>> run) {
    if (workers < 1) throw new IllegalArgumentException("workers < 1: " + workers);
    if (maxCommands < 1) throw new IllegalArgumentException("maxCommands < 1: " + maxCommands);
    this.maxCommands = maxCommands;
    this.run = run;
    AtomicInteger count = new AtomicInteger();
    this.workers = new ThreadPoolExecutor(workers, workers, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
        r -> Thread.ofPlatform().daemon().name(name + "-" + count.incrementAndGet()).unstarted(r));
    this.workers.allowCoreThreadTimeOut(true);
  }

  /** Queues {@code request} in lane {@code key}; the batch runner answers it. */
  void submit(Object key, R request) {
    Lane lane;
    synchronized (this) {
      lane = lanes.computeIfAbsent(key, Lane::new);
      lane.queue.add(request);
      queued++;
      unanswered++;
      if (lane.scheduled) return;
      lane.scheduled = true;
    }
    schedule(lane);
  }

  /** Requests queued and not yet taken into a batch (tests wait on it to know a batch will be shared). */
  synchronized int queued() {
    return queued;
  }

  /** Requests submitted and not yet answered: queued, or in a batch that runs now. */
  synchronized int unanswered() {
    return unanswered;
  }

  private void schedule(Lane lane) {
    workers.execute(() -> runOnce(lane));
  }

  private void runOnce(Lane lane) {
    List<R> batch = new ArrayList<>();
    synchronized (this) {
      int commands = 0;
      while (!lane.queue.isEmpty() && (batch.isEmpty() || commands + lane.queue.peek().size() <= maxCommands)) {
        R next = lane.queue.poll();
        commands += next.size();
        batch.add(next);
      }
      queued -= batch.size();
    }
    try {
      if (!batch.isEmpty()) run.accept(batch);
    } catch (RuntimeException | Error e) {
      // The runner answers its requests itself; reaching here is a fault of the runner: answer them anyway.
      log.error("a batch of {} requests in lane {} failed outside its runner", batch.size(), lane.key, e);
      for (R r : batch) r.fail(e);
    } finally {
      boolean again;
      synchronized (this) {
        unanswered -= batch.size();
        again = !lane.queue.isEmpty();
        if (!again) {
          lane.scheduled = false;
          lanes.remove(lane.key);
        }
      }
      if (again) schedule(lane);
    }
  }
}
