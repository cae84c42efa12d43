package paragon.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/**
 * A real HTTP receiver on 127.0.0.1 for the webhook tests: records every request (path, signature
 * header, body) and answers with what {@code answer} says for the request's number (0-based).
 */
final class Receiver implements AutoCloseable {
  record Hit(String path, String signature, String body) {}

  final List<Hit> hits = new CopyOnWriteArrayList<>();
  private final HttpServer server;

  Receiver(ToIntFunction<Integer> answer) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", ex -> handle(ex, answer));
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  private void handle(HttpExchange ex, ToIntFunction<Integer> answer) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    int n = hits.size();
    hits.add(new Hit(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Paragon-Signature"), body));
    int status = answer.applyAsInt(n);
    if (status >= 300 && status < 400) ex.getResponseHeaders().add("Location", url("/elsewhere"));
    ex.sendResponseHeaders(status, -1);
    ex.close();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
