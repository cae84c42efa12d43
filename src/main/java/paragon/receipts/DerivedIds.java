package paragon.receipts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Ids the server derives from names, so concurrent starts meet in one receipt: RFC 4122 version 5
 * (SHA-1, name-based) UUIDs in the namespace {@link #NAMESPACE}. Terminals never compute them: a
 * terminal opens a table by its slot ({@code openTable}) and learns the receipt's id from the answer
 * or the stream. Also the check of the ids a command may carry (any UUID string).
 */
public final class DerivedIds {
  /** The namespace of every derived id (fixed forever: changing it changes every table id). */
  public static final UUID NAMESPACE = UUID.fromString("6f1c2e0a-3d4b-5c6d-8e7f-9a0b1c2d3e4f");

  private DerivedIds() {}

  /** The open receipt of table {@code slotId} in {@code space}, generation {@code generation}. */
  public static String table(String space, String slotId, long generation) {
    return uuid5(space + "/" + slotId + "/" + generation).toString();
  }

  /** Where lines sent to the closed or deleted receipt {@code receiptId} are recovered (rule 6). */
  public static String recovery(String receiptId) {
    return uuid5("recovery/" + receiptId).toString();
  }

  /** The line that recovers a positive quantity change of line {@code lineId} sent as command n. */
  public static String recoveredLine(String lineId, long deviceId, long n) {
    return uuid5("recovered-line/" + lineId + "/" + deviceId + "/" + n).toString();
  }

  static UUID uuid5(String name) {
    return uuid5(NAMESPACE, name);
  }

  static UUID uuid5(UUID namespace, String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      ByteBuffer ns = ByteBuffer.allocate(16);
      ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
      sha1.update(ns.array());
      byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
      hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
      ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
      return new UUID(b.getLong(), b.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JDK", e);
    }
  }

  /** True for an RFC 4122 UUID string (any version), the only ids a client may send. */
  public static boolean isUuid(String s) {
    return s != null && s.length() == 36
        && s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  }
}
