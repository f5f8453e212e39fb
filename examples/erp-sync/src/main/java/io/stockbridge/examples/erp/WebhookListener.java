package io.stockbridge.examples.erp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The ERP's receiving end of Stockbridge's webhooks: each delivery is checked as Standard Webhooks specify (the
 * HMAC-SHA256 of {@code webhook-id.webhook-timestamp.body} with the subscription's secret, a timestamp within five
 * minutes) and handed on once per {@code webhook-id}; a delivery that does not verify is answered 401, a handler that
 * throws 500 (Stockbridge then retries).
 */
public final class WebhookListener implements AutoCloseable {
  private static final Duration TOLERANCE = Duration.ofMinutes(5);

  /** One verified event: {@code type} (e.g. alert.opened), when it happened, and its data. */
  public record Event(String webhookId, String type, String timestamp, JsonNode data) {
  }

  private final HttpServer server;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();
  private volatile byte[] key;

  public WebhookListener(int port, Consumer<Event> handler) throws IOException {
    ObjectMapper json = new ObjectMapper();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/stockbridge", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String id = exchange.getRequestHeaders().getFirst("webhook-id");
      String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
      String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
      int status;
      if (!verifies(id, timestamp, body, signature)) {
        status = 401;
      } else {
        try {
          if (seen.add(id)) {
            JsonNode event = json.readTree(body);
            handler.accept(new Event(id, event.path("type").asText(), event.path("timestamp").asText(),
                event.path("data")));
          }
          status = 204;
        } catch (RuntimeException e) {
          seen.remove(id);
          status = 500;
        }
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
  }

  /** Where Stockbridge should post. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stockbridge");
  }

  /** The subscription's secret ({@code whsec_...}), as its creation answered it. */
  public void secret(String secret) {
    this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
  }

  boolean verifies(String id, String timestamp, byte[] body, String signatures) {
    if (key == null || id == null || timestamp == null || signatures == null) {
      return false;
    }
    try {
      Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
      if (Duration.between(sent, Instant.now()).abs().compareTo(TOLERANCE) > 0) {
        return false;
      }
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      byte[] expected = mac.doFinal(body);
      for (String entry : signatures.trim().split(" +")) {
        if (entry.startsWith("v1,")
            && MessageDigest.isEqual(expected, Base64.getDecoder().decode(entry.substring(3)))) {
          return true;
        }
      }
      return false;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /**
   * {@code WebhookListener whsec_... [port]}: waits on http://127.0.0.1:port/stockbridge (9099 by default) and prints
   * every verified event.
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || !args[0].startsWith("whsec_")) {
      System.err.println("usage: WebhookListener whsec_... [port]");
      System.exit(2);
    }
    WebhookListener listener = new WebhookListener(args.length > 1 ? Integer.parseInt(args[1]) : 9099,
        event -> System.out.printf("VERIFIED %s %s %s%n  %s%n", event.webhookId(), event.type(), event.timestamp(),
            event.data()));
    listener.secret(args[0]);
    System.out.println("Waiting for deliveries on " + listener.url() + " (Ctrl-C stops)");
  }
}
