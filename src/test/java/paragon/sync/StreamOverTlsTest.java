package paragon.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import paragon.configuration.Visibility;
import paragon.testing.MutableClock;
import paragon.testing.SelfSigned;
import paragon.testing.StreamClient;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

/** With TLS set, a terminal's stream is WSS on the same port: the cashier's login and the stream both go over TLS. */
class StreamOverTlsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void a_terminal_connects_over_wss_and_gets_its_welcome_and_live_changes() {
    SelfSigned cert = SelfSigned.localhost();
    TestApp app = new TestApp(TestDatabases.sqlite(), new MutableClock(), Floor.FAST, cert.settings(), cert.trust());
    HttpClient trusting = HttpClient.newBuilder().sslContext(cert.trust()).build();
    URI wss = URI.create("wss://localhost:" + app.port() + "/api/terminal/stream");
    try (Floor f = new Floor(app, Visibility.ALL, Floor.FAST)) {
      Terminal anna = f.terminal("anna");
      try (StreamClient s = StreamClient.connect(trusting, wss, anna.deviceToken,
          anna.sessionToken, new StreamClient.View())) {
        JsonNode welcome = s.awaitFrame(fr -> fr.path("type").asText().equals("welcome"), WAIT);
        assertThat(welcome.path("viewer").asText()).as("everyone sees all receipts").isEqualTo("all");
        assertThat(welcome.path("spaces").get(0).asText()).isEqualTo("shop:" + f.shop);
        s.awaitCaughtUp(anna.shopSpace(), 0, WAIT);

        Terminal bob = f.terminal("bob");
        String table = bob.openTable("Stolik 1");
        s.awaitCursor(anna.shopSpace(), 1, WAIT);
        assertThat(s.view().all()).containsKey(table);
        assertThat(s.frames("receipt")).anySatisfy(fr -> assertThat(fr.at("/receipt/id").asText()).isEqualTo(table));
        assertThat(s.violations()).isEmpty();
      }
    }
  }
}
