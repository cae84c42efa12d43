package paragon.sync;

/**
 * Why the server closed a terminal's stream (WebSocket close codes, documented in docs/protocol.md
 * "Stream"). 4xxx codes are private-use; a terminal reconnects after any of them except
 * {@link #UNAUTHORIZED} and {@link #CUT_OFF}, which need a new login or pairing first.
 */
final class CloseCodes {
  /** The server is shutting down; reconnect (another node or the restarted one) with the cursor. */
  static final int GOING_AWAY = 1001;
  /** The server failed (a bug or the database); reconnect with the cursor. */
  static final int SERVER_ERROR = 1011;
  /**
   * The session's configuration changed (the device applied a revision with another visibility,
   * role or sharing): reconnect at once; the server answers with snapshots for the new view.
   */
  static final int RECONNECT = 4000;
  /** The first message was not a valid hello, or a later message was not understood. */
  static final int BAD_MESSAGE = 4400;
  /** The device token or the cashier session is unknown or expired, or no hello came in time. */
  static final int UNAUTHORIZED = 4401;
  /**
   * The device was revoked or the user disabled: cut off at once (DESIGN "Security"). For an
   * integrator's stream: its API key was revoked, or the shop of its hello is not one the key may see.
   */
  static final int CUT_OFF = 4403;
  /**
   * An integrator's stream is read-only (docs/api.md, "Live"): it sent something other than a ping
   * after its hello. Fix the client; it may reconnect.
   */
  static final int READ_ONLY = 4405;
  /** The API key of an integrator's hello lacks the scope {@code receipts:read}: do not retry with it. */
  static final int SCOPE_MISSING = 4406;
  /** The send queue was full: the terminal fell behind. Reconnect and resume from the cursor. */
  static final int TOO_SLOW = 4408;
  /** The same device opened a newer stream; this one is obsolete. */
  static final int REPLACED = 4409;
  /** The cashier session ended (logout); reconnect after the next login. */
  static final int SESSION_ENDED = 4410;
  /** A cap of the node was reached (streams, sockets waiting for hello, streams opened by the device): reconnect with backoff. */
  static final int TRY_LATER = 4429;
  /**
   * The hello arrived but the database did not answer in time to check it (docs/operations.md,
   * "Outages"): not a refusal of the terminal; reconnect with backoff, the cashier stays logged in.
   */
  static final int TRY_AGAIN = 4503;

  private CloseCodes() {}
}
