package paragon.devices;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import paragon.configuration.ConfigSnapshot;
import paragon.configuration.EffectiveConfig;
import paragon.storage.Database;
import paragon.web.FailureLimit;
import paragon.web.Problem;

/**
 * The device API under {@code /api/device} (JSON; {@code docs/protocol.md}, "Device API"): pairing,
 * the configuration with its revision, acknowledging a revision, a heartbeat, and the cashier's login
 * and logout. Thin handlers: the rules live in {@link DeviceStore} and {@link CashierLogin}.
 */
public final class DeviceApi {
  private final Database db;
  private final DeviceAuth auth;
  private final TerminalAuth terminals;
  private final CashierLogin logins;
  private final CommandNumbers numbers;
  private final FailureLimit pairingFailures;
  private final RevisionApplied applied;
  private final TerminalRules rules;

  private DeviceApi(Database db, Clock clock, DeviceAuth auth, TerminalAuth terminals, CommandNumbers numbers,
      FailureLimit pairingFailures, RevisionApplied applied, TerminalRules rules) {
    this.db = db;
    this.rules = rules;
    this.pairingFailures = pairingFailures;
    this.applied = applied;
    this.auth = auth;
    this.terminals = terminals;
    this.numbers = numbers;
    this.logins = new CashierLogin(db, clock, auth);
  }

  /**
   * {@code pairingFailures}: refused pairings per IP address (codes are guessable only at its pace);
   * {@code rules}: the limits and tender methods served in every configuration.
   */
  public static void register(RoutesConfig routes, Database db, Clock clock, DeviceAuth auth, TerminalAuth terminals,
      CommandNumbers numbers, FailureLimit pairingFailures, RevisionApplied applied, TerminalRules rules) {
    DeviceApi api = new DeviceApi(db, clock, auth, terminals, numbers, pairingFailures, applied, rules);
    routes.post("/api/device/pair", api::pair);
    routes.get("/api/device/config", api::config);
    routes.get("/api/device/heartbeat", api::heartbeat);
    routes.post("/api/device/ack", api::ack);
    routes.post("/api/device/login", api::login);
    routes.post("/api/device/logout", api::logout);
    routes.get("/api/device/session", api::session);
  }

  private void pair(Context ctx) {
    String ip = ctx.ip();
    Duration wait = pairingFailures.retryAfter(ip);
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      ctx.header("Retry-After", String.valueOf(seconds));
      throw Problem.of(429, "rate_limited", "devices.error.rate_limited", seconds);
    }
    DeviceStore.Paired paired;
    try {
      JsonNode body = JsonBody.of(ctx);
      paired = auth.store().pair(JsonBody.text(body, "code"), kitchenScreen(body));
    } catch (Problem refused) {
      pairingFailures.failed(ip);
      throw refused;
    }
    pairingFailures.succeeded(ip);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("token", paired.token());
    body.put("device", device(paired.device()));
    body.put("revision", paired.device().appliedRevision());
    body.put("nextCommand", numbers.next(paired.device().accountId(), paired.device().id()));
    ctx.status(201).json(body);
  }

  /** {@code screen}: absent or "terminal" (the terminal app), "kitchen" (the kitchen display's page). */
  private static boolean kitchenScreen(JsonNode body) {
    JsonNode screen = body.get("screen");
    if (screen == null || screen.isNull()) return false;
    if (screen.isTextual() && screen.asText().equals("terminal")) return false;
    if (screen.isTextual() && screen.asText().equals("kitchen")) return true;
    throw Problem.invalid("screen", "devices.error.screen");
  }

  /**
   * The effective configuration at the account's CURRENT revision. 304 when the device names that
   * revision already ({@code If-None-Match} with the ETag, or {@code ?known=N}).
   */
  private void config(Context ctx) {
    Device device = auth.require(ctx);
    String known = ctx.queryParam("known");
    if (known != null && !known.matches("\\d{1,18}")) throw Problem.invalid("known", "devices.error.number", "known");
    record Answer(DeviceStore.SyncState sync, ConfigSnapshot snapshot) {}
    Answer answer = db.read(h -> {
      DeviceStore.SyncState sync = auth.store().syncState(h, device);
      String etag = etag(sync.currentRevision());
      boolean unchanged = (known != null && Long.parseLong(known) == sync.currentRevision())
          || matches(ctx.header("If-None-Match"), etag);
      return new Answer(sync, unchanged ? null : auth.snapshots().get(h, device.accountId(), sync.currentRevision()));
    });
    ctx.header("ETag", etag(answer.sync().currentRevision()));
    ctx.header("Cache-Control", "private, no-cache");
    if (answer.snapshot() == null) {
      ctx.status(304);
      return;
    }
    Map<String, Object> body = syncBody(answer.sync());
    body.put("device", device(device));
    body.put("config", new Served(EffectiveConfig.of(answer.snapshot(), device.shopId(), device.model()), rules));
    ctx.json(body);
  }

  /** The configuration as served: the effective configuration with the rules beside its fields. */
  record Served(@JsonUnwrapped EffectiveConfig config, @JsonUnwrapped TerminalRules rules) {}

  private void heartbeat(Context ctx) {
    Device device = auth.require(ctx);
    ctx.json(syncBody(db.read(h -> auth.store().syncState(h, device))));
  }

  private void ack(Context ctx) {
    Device device = auth.require(ctx);
    auth.store().ack(device, JsonBody.number(JsonBody.of(ctx), "revision"), applied);
    ctx.json(syncBody(db.read(h -> auth.store().syncState(h, device))));
  }

  private void login(Context ctx) {
    Device device = auth.require(ctx);
    JsonNode body = JsonBody.of(ctx);
    CashierLogin.LoggedIn in = logins.login(device, JsonBody.text(body, "identifier"), JsonBody.text(body, "pin"));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("sessionToken", in.sessionToken());
    answer.putAll(session(in.session()));
    answer.put("nextCommand", numbers.next(device.accountId(), device.id()));
    ctx.status(201).json(answer);
  }

  private void logout(Context ctx) {
    Device device = auth.require(ctx);
    logins.logout(device, ctx.header(TerminalAuth.SESSION_HEADER));
    ctx.status(204);
  }

  private void session(Context ctx) {
    ctx.json(session(terminals.require(ctx)));
  }

  private static Map<String, Object> session(TerminalSession s) {
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", s.userId());
    user.put("identifier", s.userIdentifier());
    user.put("name", s.userName());
    user.put("roleId", s.roleId());
    user.put("roleName", s.roleName());
    user.put("permissions", s.permissions().stream().map(Enum::name).sorted().toList());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("user", user);
    body.put("device", device(s.device()));
    body.put("revision", s.config().revision());
    body.put("loginMode", s.config().loginMode());
    body.put("language", s.language());
    return body;
  }

  private static Map<String, Object> syncBody(DeviceStore.SyncState sync) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("revision", sync.currentRevision());
    body.put("appliedRevision", sync.appliedRevision());
    body.put("behind", sync.behind());
    body.put("syncRequested", sync.syncRequested());
    return body;
  }

  private static Map<String, Object> device(Device d) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", d.id());
    body.put("name", d.name());
    body.put("model", d.model());
    body.put("shopId", d.shopId());
    return body;
  }

  static String etag(long revision) {
    return "\"rev-" + revision + "\"";
  }

  /** If-None-Match: a list of ETags (weak ones compare equal too) or {@code *}. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) return false;
    for (String candidate : List.of(ifNoneMatch.split(","))) {
      String c = candidate.strip();
      if (c.startsWith("W/")) c = c.substring(2);
      if (c.equals("*") || c.equals(etag)) return true;
    }
    return false;
  }
}
