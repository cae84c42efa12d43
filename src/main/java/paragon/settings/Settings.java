package paragon.settings;

import java.util.HashMap;
import java.util.Map;

/**
 * Everything Paragon reads from its environment, in one place. Flags win over environment variables;
 * a missing value takes the default documented in the README. A wrong value fails at start with a
 * message that names the setting.
 */
public record Settings(int port, String databaseUrl, boolean demo, String host, Tls tls, boolean signupOpen,
    String metricsToken) {

  public static final int DEFAULT_PORT = 8080;
  public static final String DEFAULT_DATABASE_URL = "jdbc:sqlite:data/paragon.db";

  /** Plain HTTP (no {@link Tls}), sign-up closed. */
  public Settings(int port, String databaseUrl, boolean demo, String host) {
    this(port, databaseUrl, demo, host, null, false);
  }

  /** Sign-up closed (the default: only a first run's setup code, or the operator, creates accounts). */
  public Settings(int port, String databaseUrl, boolean demo, String host, Tls tls) {
    this(port, databaseUrl, demo, host, tls, false);
  }

  /** {@code GET /metrics} open (no {@code PARAGON_METRICS_TOKEN}). */
  public Settings(int port, String databaseUrl, boolean demo, String host, Tls tls, boolean signupOpen) {
    this(port, databaseUrl, demo, host, tls, signupOpen, null);
  }

  public Settings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("PARAGON_PORT must be a port number 0..65535, was " + port);
    }
    if (databaseUrl == null || !(databaseUrl.startsWith("jdbc:sqlite:") || databaseUrl.startsWith("jdbc:postgresql:"))) {
      throw new IllegalArgumentException(
          "PARAGON_DATABASE_URL must start with jdbc:sqlite: or jdbc:postgresql:, was " + databaseUrl);
    }
    if (metricsToken != null && metricsToken.length() < 16) {
      throw new IllegalArgumentException("PARAGON_METRICS_TOKEN must be at least 16 characters, was "
          + metricsToken.length());
    }
  }

  private static final Map<String, String> ENV = Map.of("port", "PARAGON_PORT", "database-url", "PARAGON_DATABASE_URL",
      "host", "PARAGON_HOST", "demo", "PARAGON_DEMO",
      "tls-keystore", "PARAGON_TLS_KEYSTORE", "tls-password", "PARAGON_TLS_PASSWORD", "signup", "PARAGON_SIGNUP",
      "metrics-token", "PARAGON_METRICS_TOKEN");

  /**
   * Reads {@code --port=N --database-url=URL --host=H --demo --tls-keystore=PATH --tls-password=P
   * --signup=open|closed --metrics-token=T} and PARAGON_PORT, PARAGON_DATABASE_URL, PARAGON_HOST,
   * PARAGON_DEMO, PARAGON_TLS_KEYSTORE, PARAGON_TLS_PASSWORD, PARAGON_SIGNUP, PARAGON_METRICS_TOKEN;
   * PARAGON_LOG_FORMAT (text or json) is read by logback itself (logback.xml) and only checked here.
   */
  public static Settings from(String[] args, Map<String, String> env) {
    String logFormat = env.get("PARAGON_LOG_FORMAT");
    if (logFormat != null && !logFormat.isBlank() && !logFormat.equals("text") && !logFormat.equals("json")) {
      throw new IllegalArgumentException("PARAGON_LOG_FORMAT must be text or json, was '" + logFormat + "'");
    }
    Map<String, String> values = new HashMap<>();
    ENV.forEach((flag, variable) -> putIfPresent(values, flag, env.get(variable)));
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unknown argument: " + arg + " (flags look like --port=8080)");
      }
      String body = arg.substring(2);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      String value = eq < 0 ? "true" : body.substring(eq + 1);
      if (!ENV.containsKey(name)) {
        throw new IllegalArgumentException("unknown flag: --" + name
            + " (known: --port, --database-url, --host, --demo, --tls-keystore, --tls-password, --signup,"
            + " --metrics-token)");
      }
      values.put(name, value);
    }
    return new Settings(
        parsePort(values.getOrDefault("port", String.valueOf(DEFAULT_PORT))),
        values.getOrDefault("database-url", DEFAULT_DATABASE_URL),
        parseBoolean("PARAGON_DEMO (--demo)", values.getOrDefault("demo", "false")),
        values.getOrDefault("host", "0.0.0.0"),
        Tls.open(values.get("tls-keystore"), values.get("tls-password")),
        parseSignup(values.getOrDefault("signup", "closed")),
        values.get("metrics-token"));
  }

  /** True when Paragon serves HTTPS (and WSS) instead of HTTP. */
  public boolean https() {
    return tls != null;
  }

  private static void putIfPresent(Map<String, String> values, String name, String value) {
    if (value != null && !value.isBlank()) values.put(name, value.trim());
  }

  private static int parsePort(String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PARAGON_PORT (--port) must be a number, was '" + value + "'", e);
    }
  }

  /** Hosted sign-up: "open" shows "Create an account" on the login page; "closed" (the default) does not. */
  private static boolean parseSignup(String value) {
    return switch (value.toLowerCase()) {
      case "open" -> true;
      case "closed" -> false;
      default -> throw new IllegalArgumentException(
          "PARAGON_SIGNUP (--signup) must be open or closed, was '" + value + "'");
    };
  }

  private static boolean parseBoolean(String name, String value) {
    return switch (value.toLowerCase()) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false, was '" + value + "'");
    };
  }
}
