package paragon.receipts;

/** The circumstances of one command: who sends it, its number, and the time by the injected Clock. */
record Context(Actor actor, long n, long now) {
  static final long LEASE_MILLIS = 60_000;
}
