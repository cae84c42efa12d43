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
 * @param maxStreams streams (hello accepted) this node holds at once; past it a new one is closed 4429
 * @param maxPending sockets this node holds that have not sent their hello yet; past it: closed 4429
 */
public record StreamSettings(int queueCapacity, Duration heartbeat, Duration writeTimeout, Duration helloTimeout,
    long replayLimit, int maxStreams, int maxPending) {

  public static final StreamSettings DEFAULTS =
      new StreamSettings(1024, Duration.ofSeconds(15), Duration.ofSeconds(20), Duration.ofSeconds(3), 5_000);

  /** With the default caps ({@code PARAGON_MAX_STREAMS}, {@code PARAGON_MAX_PENDING_STREAMS}). */
  public StreamSettings(int queueCapacity, Duration heartbeat, Duration writeTimeout, Duration helloTimeout,
      long replayLimit) {
    this(queueCapacity, heartbeat, writeTimeout, helloTimeout, replayLimit, 10_000, 1_000);
  }

  public StreamSettings {
    if (queueCapacity < 2) throw new IllegalArgumentException("queueCapacity < 2: " + queueCapacity);
    if (replayLimit < 1) throw new IllegalArgumentException("replayLimit < 1: " + replayLimit);
    if (maxStreams < 1) throw new IllegalArgumentException("maxStreams < 1: " + maxStreams);
    if (maxPending < 1) throw new IllegalArgumentException("maxPending < 1: " + maxPending);
  }

  /** The same knobs with other caps. */
  public StreamSettings withCaps(int maxStreams, int maxPending) {
    return new StreamSettings(queueCapacity, heartbeat, writeTimeout, helloTimeout, replayLimit, maxStreams, maxPending);
  }
}
