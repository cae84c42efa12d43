package paragon.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;

class HealthTest {

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void ready_reports_the_database_that_answers(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      var live = app.client().get("/health/live");
      assertThat(live.status()).isEqualTo(200);
      var ready = app.client().get("/health/ready");
      assertThat(ready.status()).isEqualTo(200);
      assertThat(ready.json().get("database").asText()).isEqualTo(kind == TestDatabases.Kind.SQLITE ? "sqlite" : "postgres");
      assertThat(ready.header("X-Request-Id")).matches("[0-9a-f]{12}");
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void ready_is_503_when_the_database_is_gone(TestDatabases.Kind kind) {
    try (TestApp app = TestApp.start(kind)) {
      app.db.close();
      assertThat(app.client().get("/health/ready").status()).isEqualTo(503);
      assertThat(app.client().get("/health/live").status()).isEqualTo(200);
    }
  }
}
