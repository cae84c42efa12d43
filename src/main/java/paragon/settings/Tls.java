package paragon.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;

/**
 * The server's key and certificate chain for HTTPS: a PKCS12 keystore file and its password. Made
 * only through {@link #open}, which reads the file once at start, so that a wrong path, a wrong
 * password or a keystore without a key stops Paragon with a message naming the setting instead of a
 * TLS error deep inside Jetty on the first connection.
 */
public record Tls(Path keystore, String password) {
  static final String KEYSTORE = "PARAGON_TLS_KEYSTORE (--tls-keystore)";
  static final String PASSWORD = "PARAGON_TLS_PASSWORD (--tls-password)";

  /** Both or neither: null when neither is given (plain HTTP). */
  static Tls open(String keystore, String password) {
    if (keystore == null && password == null) return null;
    if (keystore == null) throw new IllegalArgumentException(KEYSTORE + " is missing: " + PASSWORD + " is set, give both or neither");
    if (password == null) throw new IllegalArgumentException(PASSWORD + " is missing: " + KEYSTORE + " is set, give both or neither");
    Path path = Path.of(keystore);
    if (!Files.isRegularFile(path)) throw new IllegalArgumentException(KEYSTORE + ": no such file " + path.toAbsolutePath());
    KeyStore store = load(path, password);
    try {
      for (String alias : Collections.list(store.aliases())) {
        // The key must open with the same password: Jetty uses the store's password for the key too.
        if (store.isKeyEntry(alias) && store.getKey(alias, password.toCharArray()) != null) return new Tls(path, password);
      }
    } catch (UnrecoverableKeyException e) {
      throw new IllegalArgumentException(PASSWORD + " opens " + path + " but not the private key in it (give the key the same password)", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(KEYSTORE + ": cannot read " + path + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(KEYSTORE + ": " + path + " holds no private key, only certificates"
        + " (make it with openssl pkcs12 -export -inkey key.pem -in chain.pem)");
  }

  private static KeyStore load(Path path, String password) {
    try (InputStream in = Files.newInputStream(path)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      return store;
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new IllegalArgumentException(PASSWORD + " does not open " + path + " (wrong password)", e);
      }
      throw new IllegalArgumentException(KEYSTORE + ": " + path + " is not a readable PKCS12 keystore: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(KEYSTORE + ": cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** Never prints the password (settings end up in logs and error messages). */
  @Override
  public String toString() {
    return "Tls[keystore=" + keystore + "]";
  }
}
