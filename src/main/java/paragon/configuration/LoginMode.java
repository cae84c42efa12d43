package paragon.configuration;

/** How a cashier logs in on a paired terminal. */
public enum LoginMode {
  /** Identifier and PIN. */
  PIN,
  /** Identifier only. */
  IDENTIFIER,
  /** No login: the terminal works as the account's first active user. */
  NONE
}
