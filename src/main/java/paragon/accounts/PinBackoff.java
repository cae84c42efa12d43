package paragon.accounts;

/**
 * How long a terminal waits after wrong PINs of one user (issue 13, "PIN lockout"): the first
 * {@value #FREE} attempts are free, then each further one doubles the wait, from 1 s up to
 * {@value #CAP_SECONDS} s. Counted per user and device ({@link UserPins#claimAttempt}), so a terminal
 * that guesses slows only itself: after 11 wrong PINs it gets one guess per 5 minutes, about 300 a day
 * of the 10,000 four-digit PINs, while the cashier on the next terminal logs in at once.
 */
public final class PinBackoff {
  /** Attempts without a wait since the last right PIN. */
  public static final int FREE = 3;
  /** The longest wait between two attempts. */
  public static final long CAP_SECONDS = 300;
  /** The first count whose wait is the cap: the count 11 waits 2^(11-FREE) = 256 s, the last below it. */
  static final int CAPPED_FROM = 12;

  private PinBackoff() {}

  /**
   * The wait (ms) before the next attempt once {@code failures} attempts were taken since the last
   * right PIN: 0, 0, 1, 2, 4 ... 256, 300, 300 s for the counts 1, 2, 3, 4, 5 ... 11, 12, 13 (the third
   * wrong PIN in a row earns the first second). No overflow: the shift is below 9 when it is taken.
   */
  public static long waitMillis(long failures) {
    if (failures < FREE) return 0;
    if (failures >= CAPPED_FROM) return CAP_SECONDS * 1000;
    return Math.min(CAP_SECONDS, 1L << (failures - FREE)) * 1000;
  }
}
