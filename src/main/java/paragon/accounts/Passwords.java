package paragon.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;

/**
 * Slow, salted hashes (bcrypt) for back-office passwords and terminal PINs. PINs are short, so the
 * lockout after repeated failures is what protects them; the hash keeps a leaked table from
 * revealing them outright.
 */
public final class Passwords {
  private static final int COST = 10;

  private Passwords() {}

  public static String hash(String secret) {
    if (secret == null || secret.isEmpty()) throw new IllegalArgumentException("secret is empty");
    return BCrypt.withDefaults().hashToString(COST, secret.toCharArray());
  }

  public static boolean matches(String secret, String hash) {
    if (secret == null || hash == null) return false;
    return BCrypt.verifyer().verify(secret.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
  }
}
