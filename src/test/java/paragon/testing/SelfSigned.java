package paragon.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import paragon.settings.Settings;

/**
 * A self-signed certificate for CN=localhost (SAN dns:localhost, ip:127.0.0.1, and dns:paragon.test,
 * a name that is not localhost, which a browser test maps to 127.0.0.1) in a fresh PKCS12
 * keystore, made by the running JDK's keytool as an operator would make one, and a client
 * {@link SSLContext} that trusts exactly that certificate (not the JDK's CAs).
 */
public record SelfSigned(Path keystore, String password, Certificate certificate) {
  public static final String ALIAS = "paragon";
  public static final String LAN_NAME = "paragon.test";

  public static SelfSigned localhost() {
    return forNames("dns:localhost,ip:127.0.0.1,dns:" + LAN_NAME);
  }

  /** The same for other subject alternative names, in keytool's form ({@code dns:kasa.lan,ip:10.0.0.5}). */
  public static SelfSigned forNames(String subjectAlternativeNames) {
    try {
      Path dir = Files.createTempDirectory("paragon-tls-");
      Path keystore = dir.resolve("paragon.p12");
      String password = "test-" + System.nanoTime();
      keytool("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
          "-dname", "CN=localhost", "-ext", "SAN=" + subjectAlternativeNames,
          "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password);
      KeyStore store = load(keystore, password);
      return new SelfSigned(keystore, password, store.getCertificate(ALIAS));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a self-signed keystore", e);
    }
  }

  /** Settings for an app on 127.0.0.1 with a free port, serving HTTPS with this keystore. */
  public Settings settings() {
    return Settings.from(new String[] {"--port=0", "--host=127.0.0.1", "--database-url=jdbc:sqlite:unused"},
        Map.of("PARAGON_TLS_KEYSTORE", keystore.toString(), "PARAGON_TLS_PASSWORD", password));
  }

  /** A PKCS12 file holding only this certificate (no private key), as a careless export would. */
  public Path certificateOnly() {
    try {
      Path cert = keystore.resolveSibling("paragon.crt");
      Path out = keystore.resolveSibling("certificate-only.p12");
      keytool("-exportcert", "-alias", ALIAS, "-keystore", keystore.toString(), "-storepass", password,
          "-file", cert.toString());
      keytool("-importcert", "-noprompt", "-alias", "cert", "-file", cert.toString(),
          "-storetype", "PKCS12", "-keystore", out.toString(), "-storepass", password);
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("cannot make a certificate-only keystore", e);
    }
  }

  /** Chromium's form of "trust exactly this certificate": the base64 SHA-256 of its public key. */
  public String spkiSha256() {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(certificate.getPublicKey().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A client TLS context whose only trust anchor is this certificate. */
  public SSLContext trust() {
    try {
      KeyStore anchors = KeyStore.getInstance("PKCS12");
      anchors.load(null, null);
      anchors.setCertificateEntry("paragon", certificate);
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(anchors);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build a trust context", e);
    }
  }

  private static KeyStore load(Path keystore, String password) throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      return store;
    }
  }

  private static void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("keytool did not finish: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    if (p.exitValue() != 0) throw new IOException("keytool failed (" + p.exitValue() + "): " + output);
  }
}
