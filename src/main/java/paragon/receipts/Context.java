package paragon.receipts;

/**
 * The circumstances of one command: who sends it, its number, the time by the injected Clock, and how
 * default names read in the account's languages ({@link Names}).
 */
record Context(Actor actor, long n, long now, Names names) {
  static final long LEASE_MILLIS = 60_000;
}
