package paragon.settings;

import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * The node's caps (issue 13, "Limits"; docs/operations.md, "Limits"): past any of them a client gets a
 * clean refusal (a 429 with {@code Retry-After}, a stream close code, or a connection that waits in the
 * listen backlog until another one closes), never a node that stops answering.
 *
 * @param maxConnections TCP connections Jetty holds at once; at the cap it stops accepting (new ones
 *     wait in the kernel's backlog) and closes idle ones sooner, until the count drops. Below the file
 *     descriptor limit, so the node never fails to accept for want of descriptors.
 * @param maxStreams terminal streams (authenticated WebSockets) on this node; past it: close 4429
 * @param maxPendingStreams WebSockets open without their hello yet; past it: close 4429 at once
 * @param devicePerSecond requests per second one device token may make (a bucket of 5 s worth); 0: off
 * @param ipPerSecond requests per second one IP address may make (a bucket of 5 s worth); 0: off
 */
public record Limits(int maxConnections, int maxStreams, int maxPendingStreams, int devicePerSecond,
    int ipPerSecond) {

  /** Descriptors kept for everything but client sockets: jars, the database, logs, the pool. */
  static final int RESERVED_DESCRIPTORS = 256;

  /** The defaults: generous enough that terminals (and the test suite, from one address) never meet them. */
  public static final Limits DEFAULTS = new Limits(defaultConnections(), 10_000, 1_000, 200, 10_000);

  public Limits {
    positive("PARAGON_MAX_CONNECTIONS", maxConnections);
    positive("PARAGON_MAX_STREAMS", maxStreams);
    positive("PARAGON_MAX_PENDING_STREAMS", maxPendingStreams);
    if (devicePerSecond < 0) throw new IllegalArgumentException("PARAGON_RATE_PER_DEVICE must be >= 0, was " + devicePerSecond);
    if (ipPerSecond < 0) throw new IllegalArgumentException("PARAGON_RATE_PER_IP must be >= 0, was " + ipPerSecond);
  }

  /** Reads PARAGON_MAX_CONNECTIONS, PARAGON_MAX_STREAMS, PARAGON_MAX_PENDING_STREAMS, PARAGON_RATE_PER_DEVICE, PARAGON_RATE_PER_IP. */
  public static Limits from(Map<String, String> env) {
    return new Limits(number(env, "PARAGON_MAX_CONNECTIONS", DEFAULTS.maxConnections),
        number(env, "PARAGON_MAX_STREAMS", DEFAULTS.maxStreams),
        number(env, "PARAGON_MAX_PENDING_STREAMS", DEFAULTS.maxPendingStreams),
        number(env, "PARAGON_RATE_PER_DEVICE", DEFAULTS.devicePerSecond),
        number(env, "PARAGON_RATE_PER_IP", DEFAULTS.ipPerSecond));
  }

  /**
   * The process's descriptor limit less {@value #RESERVED_DESCRIPTORS}, between 16 and 20,000 (512 gives
   * 256); 20,000 where the JVM cannot tell.
   */
  static int defaultConnections() {
    long max = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix
        ? unix.getMaxFileDescriptorCount() : Long.MAX_VALUE;
    return (int) Math.clamp(max - RESERVED_DESCRIPTORS, 16, 20_000);
  }

  private static int number(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) return fallback;
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) throw new IllegalArgumentException(name + " must be at least 1, was " + value);
  }
}
