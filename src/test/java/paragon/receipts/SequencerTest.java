package paragon.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sequencer's lanes: order, one batch of a lane at a time, batch bounds, and no request left unanswered. */
class SequencerTest {

  /** A request of {@code size} commands, answered with the batch it ran in. */
  static final class Req implements Sequencer.Queued {
    final String lane;
    final int id;
    final int size;
    final CompletableFuture<List<Req>> done = new CompletableFuture<>();

    Req(String lane, int id, int size) {
      this.lane = lane;
      this.id = id;
      this.size = size;
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public void fail(Throwable e) {
      done.completeExceptionally(e);
    }
  }

  @Test
  void what_queues_behind_a_running_batch_goes_in_one_bounded_batch_in_arrival_order() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    Sequencer<Req> sequencer = new Sequencer<>("test", 2, 5, batch -> {
      if (batch.get(0).id == 0) await(hold);
      batches.add(batch.stream().map(r -> r.id).toList());
      batch.forEach(r -> r.done.complete(batch));
    });
    List<Req> all = new ArrayList<>();
    all.add(new Req("a", 0, 1));
    sequencer.submit("a", all.get(0));
    while (sequencer.queued() != 0) Thread.sleep(1);
    // Sizes 2, 2, 1 fill a batch of 5; then 3 and 9 (larger than a batch: alone) and 1.
    int[] sizes = {2, 2, 1, 3, 9, 1};
    for (int i = 0; i < sizes.length; i++) {
      all.add(new Req("a", i + 1, sizes[i]));
      sequencer.submit("a", all.get(i + 1));
    }
    assertThat(sequencer.queued()).isEqualTo(6);
    assertThat(sequencer.unanswered()).isEqualTo(7);
    hold.countDown();
    for (Req r : all) r.done.get(10, TimeUnit.SECONDS);
    assertThat(batches).containsExactly(List.of(0), List.of(1, 2, 3), List.of(4), List.of(5), List.of(6));
    awaitAllAnswered(sequencer);
  }

  @Test
  void a_lane_runs_one_batch_at_a_time_while_other_lanes_run_beside_it() throws Exception {
    AtomicInteger runningInA = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch bothRunning = new CountDownLatch(2);
    Sequencer<Req> sequencer = new Sequencer<>("test", 4, 1, batch -> {
      if (batch.get(0).lane.equals("a")) {
        most.accumulateAndGet(runningInA.incrementAndGet(), Math::max);
        Thread.onSpinWait();
        runningInA.decrementAndGet();
      } else if (batch.get(0).id == 0) {
        bothRunning.countDown();
        await(bothRunning); // lane b's first batch waits until lane c's runs: two lanes at once
      } else if (batch.get(0).lane.equals("c")) {
        bothRunning.countDown();
      }
      batch.forEach(r -> r.done.complete(batch));
    });
    List<Req> all = new ArrayList<>();
    for (int i = 0; i < 200; i++) all.add(new Req("a", i, 1));
    all.add(new Req("b", 0, 1));
    all.add(new Req("c", 1, 1));
    List<Thread> senders = new ArrayList<>();
    for (Req r : all) senders.add(Thread.ofVirtual().start(() -> sequencer.submit(r.lane, r)));
    for (Thread t : senders) t.join();
    for (Req r : all) r.done.get(10, TimeUnit.SECONDS);
    assertThat(most.get()).isEqualTo(1);
  }

  @Test
  void a_runner_that_throws_fails_its_requests_and_the_lane_goes_on() throws Exception {
    Sequencer<Req> sequencer = new Sequencer<>("test", 1, 1, batch -> {
      if (batch.get(0).id == 0) throw new IllegalStateException("runner fault");
      batch.forEach(r -> r.done.complete(batch));
    });
    Req bad = new Req("a", 0, 1);
    Req good = new Req("a", 1, 1);
    sequencer.submit("a", bad);
    sequencer.submit("a", good);
    assertThat(good.done.get(10, TimeUnit.SECONDS)).containsExactly(good);
    assertThat(bad.done).isCompletedExceptionally();
    awaitAllAnswered(sequencer);
  }

  /**
   * The runner completes a request before its worker leaves the batch and counts it answered, so the
   * count reaches zero a moment after the last future: wait for it, bounded.
   */
  private static void awaitAllAnswered(Sequencer<Req> sequencer) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (sequencer.unanswered() != 0 && System.nanoTime() < deadline) Thread.sleep(1);
    assertThat(sequencer.unanswered()).as("requests still counted unanswered").isZero();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) throw new AssertionError("never released");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
