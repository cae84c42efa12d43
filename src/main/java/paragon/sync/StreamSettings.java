package paragon.sync;

import java.time.Duration;

/**
 * The stream's knobs. {@link #DEFAULTS} is what production runs; tests shrink the queue and the
 * intervals to exercise slow terminals and heartbeats quickly.
 *
 * @param queueCapacity frames one terminal may have queued before it counts as too slow
 * @param heartbeat how often every terminal gets a heartbeat (and a ping), spread over the interval;
 *     every fourth one also verifies its session (see StreamHub)
 * @param writeTimeout how long one frame may take to be written before the terminal counts as stalled
 * @param helloTimeout how long a new connection may take to send its hello
 * @param replayLimit a cursor more than this many changes behind gets a snapshot instead of the changes
 */
public record StreamSettings(int queueCapacity, Duration heartbeat, Duration writeTimeout, Duration helloTimeout,
    long replayLimit) {

  public static final StreamSettings DEFAULTS =
      new StreamSettings(1024, Duration.ofSeconds(15), Duration.ofSeconds(20), Duration.ofSeconds(10), 5_000);

  public StreamSettings {
    if (queueCapacity < 2) throw new IllegalArgumentException("queueCapacity < 2: " + queueCapacity);
    if (replayLimit < 1) throw new IllegalArgumentException("replayLimit < 1: " + replayLimit);
  }
}
