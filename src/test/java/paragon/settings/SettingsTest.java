package paragon.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void defaults_are_the_embedded_database_on_port_8080() {
    Settings s = Settings.from(new String[0], Map.of());
    assertThat(s.port()).isEqualTo(8080);
    assertThat(s.databaseUrl()).isEqualTo("jdbc:sqlite:data/paragon.db");
    assertThat(s.demo()).isFalse();
  }

  @Test
  void flags_win_over_environment() {
    Settings s = Settings.from(new String[] {"--port=9000", "--demo"},
        Map.of("PARAGON_PORT", "7000", "PARAGON_DATABASE_URL", "jdbc:postgresql://db/paragon"));
    assertThat(s.port()).isEqualTo(9000);
    assertThat(s.demo()).isTrue();
    assertThat(s.databaseUrl()).isEqualTo("jdbc:postgresql://db/paragon");
  }

  @Test
  void a_wrong_port_names_the_setting() {
    assertThatThrownBy(() -> Settings.from(new String[0], Map.of("PARAGON_PORT", "eighty")))
        .hasMessageContaining("PARAGON_PORT").hasMessageContaining("eighty");
    assertThatThrownBy(() -> Settings.from(new String[] {"--port=70000"}, Map.of()))
        .hasMessageContaining("PARAGON_PORT");
  }

  @Test
  void an_unsupported_database_url_names_the_setting() {
    assertThatThrownBy(() -> Settings.from(new String[0], Map.of("PARAGON_DATABASE_URL", "jdbc:mysql://x/y")))
        .hasMessageContaining("PARAGON_DATABASE_URL").hasMessageContaining("jdbc:mysql://x/y");
  }

  @Test
  void an_unknown_flag_is_refused_by_name() {
    assertThatThrownBy(() -> Settings.from(new String[] {"--prot=1"}, Map.of())).hasMessageContaining("--prot");
    assertThatThrownBy(() -> Settings.from(new String[] {"demo"}, Map.of())).hasMessageContaining("demo");
  }

  @Test
  void demo_flag_value_must_be_boolean() {
    assertThatThrownBy(() -> Settings.from(new String[0], Map.of("PARAGON_DEMO", "maybe")))
        .hasMessageContaining("PARAGON_DEMO");
  }
}
