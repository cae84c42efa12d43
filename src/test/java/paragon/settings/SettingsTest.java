package paragon.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import paragon.testing.SelfSigned;

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

  @Test
  void signup_is_closed_by_default_open_when_asked_and_a_wrong_value_names_the_setting() {
    assertThat(Settings.from(new String[0], Map.of()).signupOpen()).isFalse();
    assertThat(Settings.from(new String[0], Map.of("PARAGON_SIGNUP", "open")).signupOpen()).isTrue();
    assertThat(Settings.from(new String[] {"--signup=closed"}, Map.of("PARAGON_SIGNUP", "open")).signupOpen())
        .isFalse();
    assertThatThrownBy(() -> Settings.from(new String[] {"--signup=yes"}, Map.of()))
        .hasMessageContaining("PARAGON_SIGNUP").hasMessageContaining("--signup").hasMessageContaining("'yes'");
  }

  @Test
  void a_keystore_and_its_password_turn_https_on_and_flags_win() {
    SelfSigned cert = SelfSigned.localhost();
    assertThat(Settings.from(new String[0], Map.of()).https()).isFalse();
    Settings s = Settings.from(new String[] {"--tls-password=" + cert.password()},
        Map.of("PARAGON_TLS_KEYSTORE", cert.keystore().toString(), "PARAGON_TLS_PASSWORD", "not-this-one"));
    assertThat(s.https()).isTrue();
    assertThat(s.tls().keystore()).isEqualTo(cert.keystore());
    assertThat(s.toString()).as("the password is never printed").doesNotContain(cert.password());
  }

  @Test
  void the_start_up_address_uses_a_name_the_certificate_is_for_that_a_tablet_can_open() {
    assertThat(tls("dns:localhost,ip:127.0.0.1,dns:" + SelfSigned.LAN_NAME).hostName()).isEqualTo(SelfSigned.LAN_NAME);
    assertThat(tls("dns:*.shop.lan,dns:kasa.shop.lan").hostName()).as("a wildcard is no address").isEqualTo("kasa.shop.lan");
    assertThat(tls("ip:127.0.0.1,ip:192.168.1.20").hostName()).isEqualTo("192.168.1.20");
    assertThat(tls("dns:localhost,ip:127.0.0.1").hostName()).isEqualTo("localhost");
  }

  private static Tls tls(String names) {
    SelfSigned cert = SelfSigned.forNames(names);
    return new Tls(cert.keystore(), cert.password());
  }

  @Test
  void only_one_of_keystore_and_password_names_the_missing_one() {
    SelfSigned cert = SelfSigned.localhost();
    assertThatThrownBy(() -> Settings.from(new String[] {"--tls-keystore=" + cert.keystore()}, Map.of()))
        .hasMessageContaining("PARAGON_TLS_PASSWORD (--tls-password) is missing");
    assertThatThrownBy(() -> Settings.from(new String[0], Map.of("PARAGON_TLS_PASSWORD", cert.password())))
        .hasMessageContaining("PARAGON_TLS_KEYSTORE (--tls-keystore) is missing");
  }

  @Test
  void a_keystore_that_is_not_there_names_the_setting_and_the_path() {
    assertThatThrownBy(() -> Settings.from(
            new String[] {"--tls-keystore=/nowhere/paragon.p12", "--tls-password=x"}, Map.of()))
        .hasMessageContaining("PARAGON_TLS_KEYSTORE").hasMessageContaining("no such file")
        .hasMessageContaining("/nowhere/paragon.p12");
  }

  @Test
  void a_wrong_password_names_the_password_setting() {
    SelfSigned cert = SelfSigned.localhost();
    assertThatThrownBy(() -> Settings.from(new String[0],
        Map.of("PARAGON_TLS_KEYSTORE", cert.keystore().toString(), "PARAGON_TLS_PASSWORD", "wrong-password")))
        .hasMessageContaining("PARAGON_TLS_PASSWORD").hasMessageContaining("wrong password")
        .hasMessageNotContaining("wrong-password");
  }

  @Test
  void a_keystore_without_a_private_key_or_not_pkcs12_names_the_keystore_setting() throws Exception {
    SelfSigned cert = SelfSigned.localhost();
    assertThatThrownBy(() -> Settings.from(new String[0],
        Map.of("PARAGON_TLS_KEYSTORE", cert.certificateOnly().toString(), "PARAGON_TLS_PASSWORD", cert.password())))
        .hasMessageContaining("PARAGON_TLS_KEYSTORE").hasMessageContaining("holds no private key");
    Path pem = Files.writeString(Files.createTempFile("paragon-", ".pem"),
        "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    assertThatThrownBy(() -> Settings.from(new String[0],
        Map.of("PARAGON_TLS_KEYSTORE", pem.toString(), "PARAGON_TLS_PASSWORD", "x")))
        .hasMessageContaining("PARAGON_TLS_KEYSTORE").hasMessageContaining("not a readable PKCS12 keystore");
  }

  @Test
  void the_metrics_token_and_the_log_format_are_read_and_checked() {
    assertThat(Settings.from(new String[0], Map.of()).metricsToken()).isNull();
    assertThat(Settings.from(new String[] {"--metrics-token=0123456789abcdef"}, Map.of()).metricsToken())
        .isEqualTo("0123456789abcdef");
    assertThat(Settings.from(new String[0], Map.of("PARAGON_METRICS_TOKEN", "fedcba9876543210")).metricsToken())
        .isEqualTo("fedcba9876543210");
    assertThatThrownBy(() -> Settings.from(new String[] {"--metrics-token=short"}, Map.of()))
        .hasMessageContaining("PARAGON_METRICS_TOKEN").hasMessageContaining("16");
    assertThat(Settings.from(new String[0], Map.of("PARAGON_LOG_FORMAT", "json")).port()).isEqualTo(8080);
    assertThatThrownBy(() -> Settings.from(new String[0], Map.of("PARAGON_LOG_FORMAT", "xml")))
        .hasMessageContaining("PARAGON_LOG_FORMAT").hasMessageContaining("'xml'");
  }
}
