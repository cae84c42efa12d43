package paragon.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An HTTP client with a cookie jar, for tests that act as a browser or an integrator. It remembers
 * the last CSRF token it saw in a page, and sends it with forms unless told not to.
 */
public final class WebClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final TestApp app;
  private final HttpClient http;
  private String csrf;

  WebClient(TestApp app) {
    this.app = app;
    HttpClient.Builder b = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER);
    if (app.trust != null) b.sslContext(app.trust);
    this.http = b.build();
  }

  public record Response(int status, String body, java.net.http.HttpHeaders headers) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (status " + status + "): " + body, e);
      }
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(app.url(path))).GET(), Map.of());
  }

  public Response get(String path, Map<String, String> headers) {
    return send(HttpRequest.newBuilder(URI.create(app.url(path))).GET(), headers);
  }

  /** Posts a form with the remembered CSRF token (call {@link #get} on a page first). */
  public Response postForm(String path, Map<String, String> fields) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (csrf != null && !all.containsKey("_csrf")) all.put("_csrf", csrf);
    return postFormRaw(path, all);
  }

  /** Posts a form exactly as given (no CSRF token added). Repeated names: use "name[]" keys via a list body. */
  public Response postFormRaw(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
    return postBody(path, "application/x-www-form-urlencoded", body, Map.of());
  }

  /** Posts an already encoded form body, for fields that repeat (lists). */
  public Response postEncoded(String path, String body) {
    String withCsrf = csrf == null ? body : body + "&_csrf=" + enc(csrf);
    return postBody(path, "application/x-www-form-urlencoded", withCsrf, Map.of());
  }

  public Response postJson(String path, Object body, Map<String, String> headers) {
    try {
      return postBody(path, "application/json", JSON.writeValueAsString(body), headers);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public Response postBody(String path, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path)))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    return send(b, headers);
  }

  /** Any method with a body ({@code PATCH}, {@code PUT}, ...), sent as given. */
  public Response sendBody(String method, String path, String contentType, String body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(app.url(path)))
        .header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofString(body));
    return send(b, headers);
  }

  public String csrf() {
    return csrf;
  }

  public static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private Response send(HttpRequest.Builder b, Map<String, String> headers) {
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      Matcher m = CSRF.matcher(r.body());
      if (m.find()) csrf = m.group(1);
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
