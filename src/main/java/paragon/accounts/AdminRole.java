package paragon.accounts;

/** A back-office login's role. The owner created the account; admins are added by the owner. */
public enum AdminRole {
  OWNER, ADMIN
}
