package io.stockbridge.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The JDK HTTP server every simulated partner runs on: loopback only, one handler for every path, JSON answers.
 */
public final class SandboxHttpServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor;

  private SandboxHttpServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts on loopback; port 0 picks a free one. */
  public static SandboxHttpServer start(int port, Function<SandboxRequest, SandboxResponse> handler) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(16);
    server.setExecutor(executor);
    server.createContext("/", exchange -> serve(exchange, handler));
    server.start();
    return new SandboxHttpServer(server, executor);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static void serve(HttpExchange exchange, Function<SandboxRequest, SandboxResponse> handler)
      throws IOException {
    try (exchange) {
      SandboxResponse response = handler.apply(read(exchange));
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (RuntimeException e) {
      // a sandbox must never hang a caller: an unexpected failure is a 500, as a partner's would be
      exchange.sendResponseHeaders(500, -1);
    }
  }

  private static SandboxRequest read(HttpExchange exchange) throws IOException {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
    byte[] raw;
    try (InputStream in = exchange.getRequestBody()) {
      raw = in.readAllBytes();
    }
    return new SandboxRequest(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        exchange.getRequestURI().getRawQuery(), headers, new String(raw, StandardCharsets.UTF_8), raw);
  }
}
