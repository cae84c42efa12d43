package paragon.settings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The server's key and certificate chain for HTTPS: a PKCS12 keystore file and its password. Making
 * one reads the file, so that a wrong path, a wrong password or a keystore without a key stops
 * Paragon at start with a message naming the setting, instead of a TLS error deep inside Jetty on
 * the first connection.
 */
public record Tls(Path keystore, String password) {
  static final String KEYSTORE = "PARAGON_TLS_KEYSTORE (--tls-keystore)";
  static final String PASSWORD = "PARAGON_TLS_PASSWORD (--tls-password)";
  private static final int DNS_NAME = 2;
  private static final int IP_ADDRESS = 7;

  /** Opens the keystore: the file exists, the password opens it and the private key in it. */
  public Tls {
    Objects.requireNonNull(keystore, "keystore == null");
    Objects.requireNonNull(password, "password == null");
    if (!Files.isRegularFile(keystore)) {
      throw new IllegalArgumentException(KEYSTORE + ": no such file " + keystore.toAbsolutePath());
    }
    if (!hasKey(load(keystore, password), keystore, password)) {
      throw new IllegalArgumentException(KEYSTORE + ": " + keystore + " holds no private key, only certificates"
          + " (make it with openssl pkcs12 -export -inkey key.pem -in chain.pem)");
    }
  }

  /**
   * The name to print in the start-up address: the certificate's first DNS name that a tablet on the
   * shop's network can open (not {@code localhost}, not a wildcard), else its first IP address that is
   * not loopback, else {@code localhost}. A browser trusts the certificate only under a name it holds.
   */
  public String hostName() {
    try {
      KeyStore store = load(keystore, password);
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate cert) return hostName(cert);
      }
      return "localhost";
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(KEYSTORE + ": cannot read " + keystore + ": " + e.getMessage(), e);
    }
  }

  static String hostName(X509Certificate cert) throws CertificateParsingException {
    List<String> dns = new ArrayList<>();
    List<String> ips = new ArrayList<>();
    Collection<List<?>> names = cert.getSubjectAlternativeNames();
    for (List<?> name : names == null ? List.<List<?>>of() : names) {
      Object value = name.get(1);
      if (Integer.valueOf(DNS_NAME).equals(name.get(0)) && value instanceof String host) dns.add(host);
      if (Integer.valueOf(IP_ADDRESS).equals(name.get(0)) && value instanceof String ip) ips.add(ip);
    }
    for (String host : dns) {
      if (!host.equalsIgnoreCase("localhost") && !host.startsWith("*")) return host;
    }
    for (String ip : ips) {
      if (!ip.startsWith("127.") && !ip.equals("::1") && !ip.startsWith("0:0:0:0:0:0:0:1")) {
        return ip.contains(":") ? "[" + ip + "]" : ip;
      }
    }
    return "localhost";
  }

  /** Both or neither: null when neither is given (plain HTTP). */
  static Tls open(String keystore, String password) {
    if (keystore == null && password == null) return null;
    if (keystore == null) {
      throw new IllegalArgumentException(KEYSTORE + " is missing: " + PASSWORD + " is set, give both or neither");
    }
    if (password == null) {
      throw new IllegalArgumentException(PASSWORD + " is missing: " + KEYSTORE + " is set, give both or neither");
    }
    return new Tls(Path.of(keystore), password);
  }

  private static boolean hasKey(KeyStore store, Path path, String password) {
    try {
      for (String alias : Collections.list(store.aliases())) {
        // The key must open with the same password: Jetty uses the store's password for the key too.
        if (store.isKeyEntry(alias) && store.getKey(alias, password.toCharArray()) != null) return true;
      }
      return false;
    } catch (UnrecoverableKeyException e) {
      throw new IllegalArgumentException(PASSWORD + " opens " + path
          + " but not the private key in it (give the key the same password)", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(KEYSTORE + ": cannot read " + path + ": " + e.getMessage(), e);
    }
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
      throw new IllegalArgumentException(KEYSTORE + ": " + path
          + " is not a readable PKCS12 keystore: " + e.getMessage(), e);
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
