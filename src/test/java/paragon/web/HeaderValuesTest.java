package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import paragon.configuration.DeviceModel;
import paragon.configuration.Plan;
import paragon.configuration.Revisions;
import paragon.demo.Seed;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/**
 * A header reaches the routes exactly as it was sent, whatever came before it on the connection.
 * Jetty keeps a per-connection cache of header lines and, by default, matches it ignoring case: after
 * {@code Authorization: Bearer x} on a keep-alive connection, {@code Bearer XvAO...} arrived as
 * {@code Bearer xvAO...}, so a token starting with an X (1 in 32 tokens) was refused as unknown
 * (401 device_unknown, a terminal told to pair again). Paragon's tokens are case-sensitive secrets.
 */
class HeaderValuesTest {

  @Test
  void a_bearer_token_is_read_as_sent_after_a_header_that_differs_only_in_case_on_the_same_connection()
      throws IOException {
    try (TestApp app = TestApp.start(TestDatabases.Kind.SQLITE)) {
      String token = "X" + Tokens.fresh().substring(1);
      app.db.inTransaction(h -> {
        long now = app.clock.millis();
        long account = Seed.account(h, "Bistro", Plan.MAX, "pl", now);
        long shop = Seed.shop(h, account, "Rynek", true, now);
        long revision = Revisions.record(h, account, "test", "setup", app.clock);
        return h.createUpdate("""
                INSERT INTO devices
                  (account_id, shop_id, name, model, token_hash, paired_at, applied_revision, created_at)
                VALUES (:a, :s, 'Kasa 1', :m, :k, :t, :r, :t)""")
            .bind("a", account).bind("s", shop).bind("m", DeviceModel.SMART.name()).bind("k", Tokens.hash(token))
            .bind("t", now).bind("r", revision).execute();
      });
      try (Socket socket = new Socket("127.0.0.1", app.port())) {
        socket.setSoTimeout(10_000);
        String lowered = "x" + token.substring(1);
        for (String sent : new String[] {"x", lowered.substring(0, 2), token}) {
          OutputStream out = socket.getOutputStream();
          out.write(("GET /api/device/heartbeat HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + sent
              + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
          String answer = response(socket.getInputStream());
          if (sent.equals(token)) assertThat(answer).as(answer).startsWith("HTTP/1.1 200");
          else assertThat(answer).startsWith("HTTP/1.1 401");
        }
      }
    }
  }

  /** One response: its head and a Content-Length body. */
  private static String response(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) throw new IOException("closed after " + head);
      head.write(b);
    }
    String text = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : text.split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).strip());
      }
    }
    byte[] body = in.readNBytes(length);
    return text + new String(body, StandardCharsets.UTF_8);
  }
}
