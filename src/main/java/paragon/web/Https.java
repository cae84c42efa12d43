package paragon.web;

import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import paragon.settings.Tls;

/**
 * The HTTPS connector Paragon listens on when TLS is set: TLS from the PKCS12 keystore, then HTTP/1.1
 * (the WebSocket upgrade of the stream rides on it, so it is WSS). Given to Javalin with
 * {@code config.jetty.addConnector}, it replaces Javalin's default plain-HTTP connector: a server with
 * TLS has no plain port, so nobody can reach the back office's login unencrypted by mistake.
 */
public final class Https {
  private Https() {}

  public static ServerConnector connector(Server server, HttpConfiguration http, Tls tls, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStoreType("PKCS12");
    ssl.setKeyStorePath(tls.keystore().toAbsolutePath().toString());
    ssl.setKeyStorePassword(tls.password());
    HttpConfiguration secure = new HttpConfiguration(http);
    // Marks requests as secure (https scheme, isSecure), which is what gives the session cookie Secure.
    secure.addCustomizer(new SecureRequestCustomizer());
    // Tokens are case-sensitive: no header line is taken from Jetty's cache ignoring case
    // (Paragon.create, HeaderValuesTest).
    secure.setHeaderCacheCaseSensitive(true);
    ServerConnector connector = new ServerConnector(server,
        new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(secure));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }
}
