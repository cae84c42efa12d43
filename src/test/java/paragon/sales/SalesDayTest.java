package paragon.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/** The sales page's day filter: any day LocalDate can parse is either a real day or a 400 naming it. */
class SalesDayTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void a_day_beyond_every_epoch_millisecond_is_a_400_naming_the_day(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      Bistro b = new Bistro(app, "pl");
      WebClient c = b.owner.client();
      for (String day : new String[] {"-999999999-01-01", "%2B999999999-12-31", "1969-12-31"}) {
        WebClient.Response r = c.get("/backoffice/sales?day=" + day + "&lang=en", Map.of("HX-Request", "true"));
        assertThat(r.status()).as(day + ": " + r.body()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo("day");
        assertThat(r.json().get("message").asText()).isEqualTo("Enter a day from 1970-01-01 to 9999-12-31.");
      }
      assertThat(c.get("/backoffice/sales?day=9999-12-31").status()).isEqualTo(200);
    }
  }
}
