package paragon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import paragon.demo.Demo;
import paragon.devices.TerminalAuth;
import paragon.receipts.ChangeFeed;
import paragon.receipts.ReceiptView;
import paragon.testing.StreamClient;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

/**
 * Fuzz (issue 13): a bounded, seeded run of hostile input on every registered HTTP route (path
 * parameters, query, JSON and form bodies, content types, credentials: none, forged, a device's, a
 * signed-in owner's), on the back-office forms as their pages render them (the CSRF token included, so
 * the validation is reached), and on the terminal stream (hostile hellos, hostile frames after a good
 * hello). Every answer is below 500 and every stream close is a protocol close, never 1011 (server
 * error); afterwards a receipt nothing hostile was pointed at is exactly as it was, the node is ready,
 * and the same device's next ordinary command is accepted.
 *
 * <p>Seed: {@code -Dfuzz.seed=N} repeats a run; a failure prints the seed and each offending request.
 */
class FuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20261202L);
  private static final int REQUESTS = 1500;
  private static final int FORM_POSTS = 500;
  private static final int STREAM_FRAMES = 150;
  private static final Pattern PARAM = Pattern.compile("\\{[^}]+}|<[^>]+>");
  private static final Pattern FORM = Pattern.compile("(?s)<form[^>]*\\baction=\"([^\"]+)\"[^>]*>(.*?)</form>");
  private static final Pattern FIELD = Pattern.compile("\\bname=\"([^\"]+)\"");
  private static final String[] CONTENT_TYPES = {"application/json", "application/x-www-form-urlencoded",
      "text/plain", "multipart/form-data; boundary=x", "application/json; charset=latin1", "", "*/*"};
  /**
   * Routes a fuzzer must not hit as the owner: signing out, changing the owner's own password, or
   * resetting it ({@code /backoffice/admins/{id}/reset} with the owner's own id ends the owner's session
   * by design; a seed that reached it left the rest of the run signed out).
   */
  private static final Set<String> OWNER_SPARED = Set.of("logout", "password", "/reset");

  private final List<String> failures = new ArrayList<>();
  private final Map<String, Integer> statuses = new TreeMap<>();
  private Random random;
  private List<String> ids;
  /** Form actions on the fuzzing device and its cashier (revoke, archive): they would end the run's own session. */
  private List<String> spared;

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  void hostile_input_on_every_route_form_and_the_stream_gets_no_5xx_and_leaves_the_state_intact(
      TestDatabases.Kind kind) throws Exception {
    random = new Random(SEED);
    try (TestApp app = TestApp.start(kind)) {
      Demo.Report demo = Demo.prepare(app.db, app.clock);
      WebClient device = app.client();
      String token = device.postJson("/api/device/pair", Map.of("code", demo.devices().get(0).code()), Map.of())
          .json().get("token").asText();
      var login = device.postJson("/api/device/login", Map.of("identifier", "marek", "pin", "9999"),
          Map.of("Authorization", "Bearer " + token));
      assertThat(login.status()).as(login.body()).isEqualTo(201);
      String session = login.json().get("sessionToken").asText();
      Map<String, String> deviceHeaders = Map.of("Authorization", "Bearer " + token, TerminalAuth.SESSION_HEADER, session);

      // A receipt with two lines that nothing hostile is pointed at: it must come out exactly as it went in.
      String kept = UUID.randomUUID().toString();
      long product = app.db.read(h -> h.createQuery("SELECT MIN(id) FROM products WHERE account_id = :a")
          .bind("a", demo.accountId()).mapTo(Long.class).one());
      var opened = device.postJson("/api/terminal/commands", List.of(
          Map.of("n", 1, "type", "openAdHoc", "receiptId", kept),
          Map.of("n", 2, "type", "addLine", "receiptId", kept, "lineId", UUID.randomUUID().toString(),
              "productId", product, "quantity", 2000),
          Map.of("n", 3, "type", "addLine", "receiptId", kept, "lineId", UUID.randomUUID().toString(),
              "productId", product, "quantity", 1000)), deviceHeaders);
      assertThat(opened.json().findValuesAsText("status")).containsOnly("accepted");
      ReceiptView before = new ChangeFeed(app.db).latest(demo.accountId(), kept).orElseThrow();

      long deviceId = app.db.read(h -> h.createQuery("SELECT id FROM devices WHERE token_hash IS NOT NULL")
          .mapTo(Long.class).one());
      long marek = app.db.read(h -> h.createQuery("SELECT id FROM users WHERE identifier = 'marek'")
          .mapTo(Long.class).one());
      spared = List.of("/devices/" + deviceId + "/", "/users/" + marek + "/", "/users/" + marek + "\"");
      ids = app.db.read(h -> h.createQuery("""
              SELECT CAST(id AS TEXT) FROM shops UNION ALL SELECT CAST(id AS TEXT) FROM products
              UNION ALL SELECT CAST(id AS TEXT) FROM categories UNION ALL SELECT CAST(id AS TEXT) FROM roles
              UNION ALL SELECT CAST(id AS TEXT) FROM users WHERE identifier NOT IN ('marek')
              UNION ALL SELECT CAST(id AS TEXT) FROM devices WHERE id <> :d
              UNION ALL SELECT id FROM receipt_slots""")
          .bind("d", deviceId).mapTo(String.class).list());

      WebClient owner = app.client();
      owner.get("/backoffice/login");
      assertThat(owner.postForm("/backoffice/login", Map.of("email", Demo.OWNER_EMAIL,
          "password", Demo.OWNER_PASSWORD)).status()).isEqualTo(303);

      routes(app, owner, deviceHeaders);
      forms(app, owner);
      stream(app, token, session);

      System.out.printf("fuzz on %s, seed %d: %s%n", kind, SEED, statuses);
      assertThat(failures).as("seed %d, answers %s, failures:%n%s", SEED, statuses, String.join("\n", failures))
          .isEmpty();
      assertThat(new ChangeFeed(app.db).latest(demo.accountId(), kept)).contains(before);
      assertThat(app.client().get("/health/ready").status()).isEqualTo(200);
      // The run may have logged the cashier out (POST /api/device/logout is a device's right): log in again.
      var again = device.postJson("/api/device/login", Map.of("identifier", "marek", "pin", "9999"),
          Map.of("Authorization", "Bearer " + token));
      assertThat(again.status()).as(again.body()).isEqualTo(201);
      deviceHeaders = Map.of("Authorization", "Bearer " + token, TerminalAuth.SESSION_HEADER,
          again.json().get("sessionToken").asText());
      var next = device.postJson("/api/terminal/commands", List.of(Map.of("n", 4, "type", "rename",
          "receiptId", kept, "name", "Po fuzzie")), deviceHeaders);
      assertThat(next.status()).as(next.body()).isEqualTo(200);
      assertThat(next.json().get(0).path("status").asText()).as(next.body()).isEqualTo("accepted");
      assertThat(statuses.keySet()).as("the run reached the handlers, not only the doors")
          .contains("200", "400");
    }
  }

  /** Javalin's registered HTTP routes, each hit with hostile parameters, bodies and credentials. */
  private void routes(TestApp app, WebClient owner, Map<String, String> deviceHeaders) {
    List<String[]> routes = new ArrayList<>();
    app.app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(e -> e.endpoint)
        .filter(e -> e.method.isHttpMethod())
        .forEach(e -> routes.add(new String[] {e.method.name(), e.path}));
    assertThat(routes.size()).as("routes found").isGreaterThan(50);
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
    for (int i = 0; i < REQUESTS; i++) {
      String[] route = routes.get(random.nextInt(routes.size()));
      String method = random.nextInt(8) == 0 ? pick("PUT", "DELETE", "PATCH", "GET", "POST") : route[0];
      String filled = fill(route[1]);
      if (spared.stream().anyMatch((filled + "/")::contains)) {
        statuses.merge("spared", 1, Integer::sum);
        continue;
      }
      String path = filled + (random.nextBoolean() ? "" : "?" + query());
      String body = body();
      String type = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
      int who = random.nextInt(4);
      if (who == 3 && OWNER_SPARED.stream().anyMatch(route[1]::contains)) who = 0;
      String what = method + " " + path + " as " + List.of("nobody", "forged", "device", "owner").get(who)
          + " [" + type + "] " + abbreviate(body);
      try {
        int status;
        if (who == 3) {
          String ownerType = type.isEmpty() ? "application/x-www-form-urlencoded" : type;
          String ownerBody = body + "&_csrf=" + WebClient.enc(String.valueOf(owner.csrf()));
          status = resentOnce(() -> method.equals("GET") ? owner.get(path).status()
              : owner.postBody(path, ownerType, ownerBody, Map.of()).status());
        } else {
          HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path))).timeout(Duration.ofSeconds(20))
              .method(method, HttpRequest.BodyPublishers.ofString(body));
          if (!type.isEmpty()) b.header("Content-Type", type);
          if (who == 1) b.header("Authorization", pick("Bearer ", "Bearer x", "Basic Zm9vOmJhcg==", "Bearer " + "a".repeat(5000)));
          if (who == 2) deviceHeaders.forEach(b::header);
          if (random.nextInt(5) == 0) b.header("Accept-Language", pick("xx", "pl-PL;q=abc", "en", "*", "\u00e9"));
          status = send(http, b.build());
        }
        record(status, what);
      } catch (IllegalArgumentException e) {
        // java.net.http itself refuses some paths (a bare % escape): that request never left the test.
        statuses.merge("client-refused", 1, Integer::sum);
      } catch (Exception e) {
        failures.add(what + " -> " + e);
      }
    }
  }

  /**
   * Sends {@code request}; once more on a connection the server had closed after answering the previous
   * request without reading its body (Jetty's right; the JDK client may reuse such a connection).
   */
  private int send(HttpClient http, HttpRequest request) throws Exception {
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (java.io.IOException closed) {
      statuses.merge("resent", 1, Integer::sum);
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
  }

  /** The same for the owner's client, whose failures arrive wrapped. */
  private int resentOnce(java.util.function.IntSupplier request) {
    try {
      return request.getAsInt();
    } catch (IllegalStateException closed) {
      if (!(closed.getCause() instanceof java.io.IOException)) throw closed;
      statuses.merge("resent", 1, Integer::sum);
      return request.getAsInt();
    }
  }

  /** Every form of every back-office page the owner can open, posted with its own field names and hostile values. */
  private void forms(TestApp app, WebClient owner) {
    Map<String, Set<String>> forms = new LinkedHashMap<>();
    for (String page : pages(app)) {
      WebClient.Response r = owner.get(page);
      if (r.status() != 200) continue;
      Matcher m = FORM.matcher(r.body());
      while (m.find()) {
        String action = m.group(1).replace("&amp;", "&");
        if (!action.startsWith("/") || OWNER_SPARED.stream().anyMatch(action::contains)
            || spared.stream().anyMatch((action + "\"")::contains)) continue;
        Set<String> fields = forms.computeIfAbsent(action, a -> new LinkedHashSet<>());
        Matcher f = FIELD.matcher(m.group(2));
        while (f.find()) if (!f.group(1).equals("_csrf")) fields.add(f.group(1));
      }
    }
    assertThat(forms.size()).as("back-office forms found: %s", forms.keySet()).isGreaterThan(15);
    List<String> actions = new ArrayList<>(forms.keySet());
    for (int i = 0; i < FORM_POSTS; i++) {
      String action = actions.get(random.nextInt(actions.size()));
      StringBuilder body = new StringBuilder();
      for (String field : forms.get(action)) {
        if (random.nextInt(6) == 0) continue;
        int times = random.nextInt(8) == 0 ? 2 + random.nextInt(3) : 1;
        for (int t = 0; t < times; t++) {
          if (!body.isEmpty()) body.append('&');
          body.append(WebClient.enc(field)).append('=').append(WebClient.enc(value()));
        }
      }
      if (random.nextInt(5) == 0) body.append("&").append(WebClient.enc(value())).append("=").append(WebClient.enc(value()));
      String what = "form POST " + action + " " + abbreviate(body.toString());
      try {
        owner.get(pages(app).get(0));
        record(resentOnce(() -> owner.postEncoded(action, body.toString()).status()), what);
      } catch (Exception e) {
        failures.add(what + " -> " + e);
      }
    }
  }

  /** Back-office pages with their path parameters filled by real ids, so their forms render. */
  private List<String> pages(TestApp app) {
    List<String> pages = new ArrayList<>();
    pages.add("/backoffice");
    app.app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(e -> e.endpoint)
        .filter(e -> e.method.name().equals("GET") && e.path.startsWith("/backoffice"))
        .forEach(e -> {
          String path = e.path;
          Matcher m = PARAM.matcher(path);
          StringBuilder out = new StringBuilder();
          while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(ids.get(Math.floorMod(path.hashCode(), ids.size()))));
          m.appendTail(out);
          if (!OWNER_SPARED.stream().anyMatch(path::contains)) pages.add(out.toString());
        });
    return pages;
  }

  /** Hostile hellos on fresh sockets, then hostile frames after a good hello. */
  private void stream(TestApp app, String token, String session) {
    for (int i = 0; i < STREAM_FRAMES / 3; i++) {
      String hello = pick(body(), "{\"type\":\"hello\",\"deviceToken\":" + jsonValue() + ",\"sessionToken\":"
          + jsonValue() + ",\"cursors\":" + jsonValue() + "}", "{\"type\":\"hello\",\"deviceToken\":\"" + token
          + "\",\"sessionToken\":\"" + session + "\",\"cursors\":{\"" + value().replace("\"", "") + "\":" + jsonValue() + "}}");
      try (StreamClient s = StreamClient.connectRaw(app.port(), wire(hello))) {
        checkClose(s, "hello " + abbreviate(hello));
      }
    }
    StreamClient good = StreamClient.connect(app.port(), token, session, new StreamClient.View());
    try {
      for (int i = 0; i < STREAM_FRAMES; i++) {
        String frame = random.nextBoolean() ? body()
            : "{\"type\":" + pick("\"ping\"", "\"pong\"", "\"hello\"", "\"ack\"", "\"command\"", jsonValue())
                + ",\"seq\":" + jsonValue() + ",\"space\":" + jsonValue() + "}";
        if (good.closeCode() != null) {
          checkClose(good, "frame before " + abbreviate(frame));
          good = StreamClient.connect(app.port(), token, session, new StreamClient.View());
        }
        try {
          good.send(wire(frame));
        } catch (java.util.concurrent.CompletionException closing) {
          // The server closed the stream while the frame was on its way: judged by its close code next round.
          statuses.merge("ws-sent-while-closing", 1, Integer::sum);
        }
      }
      assertThat(app.client().get("/health/live").status()).isEqualTo(200);
    } finally {
      good.close();
    }
  }

  /** A WebSocket text frame is UTF-8: a lone surrogate goes as its JSON escape, which the server must still survive. */
  private static String wire(String text) {
    return text.replace("\uD800", "\\uD800");
  }

  private void checkClose(StreamClient s, String what) {
    int code;
    try {
      code = s.awaitClose(Duration.ofSeconds(15));
    } catch (AssertionError stillOpen) {
      statuses.merge("ws-open", 1, Integer::sum);
      return;
    }
    statuses.merge("ws-" + code, 1, Integer::sum);
    if (code == 1011 || code == 1006) failures.add(what + " -> close " + code + " " + s.closeReason());
  }

  private void record(int status, String what) {
    statuses.merge(String.valueOf(status), 1, Integer::sum);
    if (status >= 500) failures.add(what + " -> " + status);
  }

  private String fill(String path) {
    Matcher m = PARAM.matcher(path);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = random.nextInt(3) == 0 ? ids.get(random.nextInt(ids.size())) : WebClient.enc(value());
      m.appendReplacement(out, Matcher.quoteReplacement(v.isEmpty() ? "x" : v));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String query() {
    StringBuilder q = new StringBuilder();
    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
      if (i > 0) q.append('&');
      q.append(pick("shop", "from", "to", "cursor", "page", "lang", "state", "q", "limit", WebClient.enc(value())))
          .append('=').append(WebClient.enc(value()));
    }
    return q.toString();
  }

  private String body() {
    return switch (random.nextInt(6)) {
      case 0 -> "";
      case 1 -> jsonValue();
      case 2 -> "[" + jsonValue() + "," + jsonValue() + "]";
      case 3 -> "{\"code\":" + jsonValue() + ",\"identifier\":" + jsonValue() + ",\"pin\":" + jsonValue()
          + ",\"revision\":" + jsonValue() + ",\"name\":" + jsonValue() + "}";
      case 4 -> "a=" + WebClient.enc(value()) + "&name=" + WebClient.enc(value()) + "&" + value();
      default -> "[".repeat(random.nextInt(3000)) + "{\"" + value().replace("\"", "");
    };
  }

  private String jsonValue() {
    return switch (random.nextInt(9)) {
      case 0 -> "null";
      case 1 -> pick("true", "false");
      case 2 -> pick("0", "-1", "1e400", "18446744073709551617", "0.5", "-0", "9223372036854775807", "NaN");
      case 3 -> "{}";
      case 4 -> "[]";
      case 5 -> "{\"a\":" + pick("1", "\"x\"", "[{}]") + "}";
      default -> '"' + value().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    };
  }

  /** A hostile string: NUL, lone surrogates, huge, markup, SQL, paths, numbers no type holds, or a real id. */
  private String value() {
    return switch (random.nextInt(16)) {
      case 0 -> "";
      case 1 -> "\u0000";
      case 2 -> "a\uD800b";
      case 3 -> "x".repeat(1 + random.nextInt(20_000));
      case 4 -> "<script>alert(1)</script>";
      case 5 -> "' OR 1=1 --";
      case 6 -> "../../../etc/passwd";
      case 7 -> pick("-1", "0", "99999999999999999999", "1.5", "1e9", "-9223372036854775808", "0x10", " 7 ");
      case 8 -> "\uD83D\uDE00\u202E\u200B";
      case 9 -> pick("true", "false", "on", "null", "undefined", "[]", "{}");
      case 10 -> pick("2026-13-45", "2026-12-02T25:00:00Z", "1970-01-01", "9999-12-31", "today");
      case 11 -> pick("23", "8", "ZW", "99", "MAX", "FREE", "PIN", "ALL", "SMART_PLUS", "cash", "card", "EVEN");
      case 12 -> "%" + pick("", "0", "zz", "00");
      case 13 -> "\r\nX-Injected: 1";
      default -> ids.get(random.nextInt(ids.size()));
    };
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 120) + "...(" + s.length() + " chars)";
  }
}
