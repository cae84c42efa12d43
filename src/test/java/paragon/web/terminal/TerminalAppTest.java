package paragon.web.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import paragon.testing.TestApp;
import paragon.testing.TestDatabases;
import paragon.testing.WebClient;

class TerminalAppTest {
  static TestApp app;
  static WebClient client;

  @BeforeAll
  static void start() {
    app = new TestApp(TestDatabases.sqlite());
    client = app.client();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void the_shell_maps_lit_to_the_webjar_versions_on_the_classpath_and_every_mapped_module_is_served() {
    var shell = client.get("/terminal");
    assertThat(shell.status()).isEqualTo(200);
    assertThat(shell.header("Content-Type")).startsWith("text/html");
    Map<String, String> versions = TerminalApp.webjarVersions();
    for (var e : versions.entrySet()) {
      assertThat(shell.body()).contains("/webjars/" + e.getKey() + "/" + e.getValue() + "/");
    }
    for (String module : new String[] {
        "/webjars/lit/" + versions.get("lit") + "/index.js",
        "/webjars/lit/" + versions.get("lit") + "/directives/repeat.js",
        "/webjars/lit-html/" + versions.get("lit-html") + "/lit-html.js",
        "/webjars/lit-element/" + versions.get("lit-element") + "/lit-element.js",
        "/webjars/lit__reactive-element/" + versions.get("lit__reactive-element") + "/reactive-element.js"}) {
      assertThat(client.get(module).status()).as(module).isEqualTo(200);
    }
    assertThat(client.get("/terminal/").body()).isEqualTo(shell.body());
  }

  @Test
  void the_shell_preloads_every_app_module_and_each_preload_is_served() {
    String shell = client.get("/terminal").body();
    var preloads = java.util.regex.Pattern.compile("<link rel=\"modulepreload\" href=\"([^\"]+)\">").matcher(shell)
        .results().map(m -> m.group(1)).toList();
    assertThat(preloads).containsAll(TerminalApp.FILES.stream().filter(f -> f.endsWith(".js"))
        .map(f -> "/terminal/" + f).toList());
    assertThat(preloads).noneMatch(u -> u.endsWith("sw.js") || u.endsWith(".css"));
    // After the import map: a module fetched before it would be resolved without it.
    assertThat(shell.indexOf("modulepreload")).isGreaterThan(shell.indexOf("</script>"));
    for (String url : preloads) assertThat(client.get(url).status()).as(url).isEqualTo(200);
  }

  @Test
  void every_module_and_stylesheet_of_the_app_is_listed_so_it_is_served_and_precached() throws java.io.IOException {
    // A file left out would load online and be missing offline (the service worker precaches FILES).
    try (var files = java.nio.file.Files.list(java.nio.file.Path.of("src/main/resources/public/terminal"))) {
      var onDisk = files.map(p -> p.getFileName().toString())
          .filter(n -> (n.endsWith(".js") || n.endsWith(".css")) && !n.equals("sw.js")).sorted().toList();
      assertThat(TerminalApp.FILES).containsExactlyInAnyOrderElementsOf(onDisk);
    }
  }

  @Test
  void every_app_file_is_served_with_an_etag_and_revalidates_to_304() {
    for (String file : TerminalApp.FILES) {
      var first = client.get("/terminal/" + file);
      assertThat(first.status()).as(file).isEqualTo(200);
      assertThat(first.header("Content-Type")).as(file).startsWith(file.endsWith(".css") ? "text/css" : "text/javascript");
      assertThat(first.header("Cache-Control")).isEqualTo("no-cache");
      var again = client.get("/terminal/" + file, Map.of("If-None-Match", first.header("ETag")));
      assertThat(again.status()).as(file).isEqualTo(304);
      assertThat(again.body()).isEmpty();
    }
  }

  @Test
  void the_service_worker_is_stamped_with_the_app_version_and_precaches_every_file() {
    var sw = client.get("/terminal/sw.js");
    assertThat(sw.status()).isEqualTo(200);
    assertThat(sw.header("Service-Worker-Allowed")).isEqualTo("/terminal");
    assertThat(sw.body()).doesNotContain("@VERSION@").doesNotContain("@PRECACHE@");
    String version = client.get("/terminal").body()
        .replaceAll("(?s).*name=\"paragon-version\" content=\"([0-9a-f]+)\".*", "$1");
    assertThat(version).matches("[0-9a-f]{16}");
    assertThat(sw.body()).contains("const VERSION = '" + version + "'");
    for (String file : TerminalApp.FILES) assertThat(sw.body()).contains("'/terminal/" + file + "'");
  }

  @Test
  void an_unknown_file_is_not_found_and_nothing_outside_the_app_is_reachable() {
    assertThat(client.get("/terminal/nope.js").status()).isEqualTo(404);
    assertThat(client.get("/terminal/index.html").status()).isEqualTo(404);
    assertThat(client.get("/terminal/..%2F..%2Flogback.xml").status()).isEqualTo(404);
  }
}
