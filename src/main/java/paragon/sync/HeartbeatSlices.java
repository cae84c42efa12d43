package paragon.sync;

/**
 * How the heartbeat spreads its work over the interval (the hub's class comment, steps 1-2): the timer
 * ticks {@link #slices} times per interval and each tick beats the streams of one slice (by device or
 * key id). Small slices keep each tick's burst of writes short, so a command never waits long behind
 * one: with ten thousand terminals and a 2 s heartbeat, slices of 100 ms (500 terminals each) held
 * commands up to 60 ms. The session checks go by groups of slices instead, so that smaller slices do
 * not mean more reads: one batched read per group, each group once every {@link #VERIFY_ROUNDS} rounds.
 *
 * @param slices ticks per heartbeat interval
 * @param groupSize slices per verification group
 */
record HeartbeatSlices(int slices, int groupSize) {
  /** At most this many ticks per heartbeat interval, and none shorter than {@link #MIN_SLICE_MS}. */
  static final int MAX_SLICES = 1_000;
  static final long MIN_SLICE_MS = 25;
  /** The verification groups: each is read once every {@link #VERIFY_ROUNDS} rounds. */
  static final int VERIFY_GROUPS = 20;
  /**
   * A stream's session is verified against the database every this many heartbeats (a minute at the
   * default 15 s; the events do it at once, this only catches a lost one).
   */
  static final long VERIFY_ROUNDS = 4;

  HeartbeatSlices {
    if (slices < 1 || groupSize < 1) throw new IllegalArgumentException("slices " + slices + ", group " + groupSize);
  }

  /** The slices of a heartbeat of {@code heartbeatMillis}: 25 ms each, at most 1,000. */
  static HeartbeatSlices of(long heartbeatMillis) {
    int slices = (int) Math.clamp(Math.max(1, heartbeatMillis) / MIN_SLICE_MS, 1, MAX_SLICES);
    return new HeartbeatSlices(slices, Math.ceilDiv(slices, Math.min(slices, VERIFY_GROUPS)));
  }

  /** The timer's period: one slice of the interval. */
  long periodMillis(long heartbeatMillis) {
    return Math.max(1, Math.max(1, heartbeatMillis) / slices);
  }

  /** Whether tick {@code tick} (counted from 0) beats the stream of {@code id}. */
  boolean beats(long tick, long id) {
    return Math.floorMod(id, slices) == Math.floorMod(tick, slices);
  }

  /**
   * Whether tick {@code tick} verifies the stream of {@code id}: the tick verifies its group
   * ({@link #verifiesAny}).
   */
  boolean verifies(long tick, long id) {
    return verifiesAny(tick) && Math.floorMod(id, slices) / groupSize == Math.floorMod(tick, slices) / groupSize;
  }

  /**
   * Whether tick {@code tick} verifies a group (a cheap test before asking per stream): at the group's
   * first slice, in one round of {@link #VERIFY_ROUNDS}, the groups staggered across them.
   */
  boolean verifiesAny(long tick) {
    int slice = (int) Math.floorMod(tick, slices);
    return slice % groupSize == 0 && Math.floorMod(tick / slices + slice / groupSize, VERIFY_ROUNDS) == 0;
  }
}
