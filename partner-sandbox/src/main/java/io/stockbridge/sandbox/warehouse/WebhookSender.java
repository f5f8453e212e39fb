package io.stockbridge.sandbox.warehouse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends partner webhooks signed as Standard Webhooks 1.0 prescribes ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>}), with the faults partners really show:
 * the same event several times, events out of order, stale timestamps.
 */
public final class WebhookSender {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /**
   * One event to send.
   *
   * @param id               the {@code webhook-id}
   * @param body             the JSON body, sent exactly as given
   * @param copies           how many times it is sent (a partner retrying, or a duplicate)
   * @param timestampOffset  added to now for {@code webhook-timestamp} (negative: an old, replayed event)
   */
  public record Event(String id, String body, int copies, Duration timestampOffset) {
    public static Event of(String id, String body) {
      return new Event(id, body, 1, Duration.ZERO);
    }
  }

  /** What the receiver answered to one delivery. */
  public record Delivery(String id, int status) {
  }

  /** In which order the events go out. */
  public enum Order {
    AS_GIVEN, REVERSED, SHUFFLED
  }

  public List<Delivery> send(String url, String secret, List<Event> events, Order order, long seed) {
    List<Event> deliveries = new ArrayList<>();
    for (Event event : events) {
      for (int copy = 0; copy < Math.max(1, event.copies()); copy++) {
        deliveries.add(event);
      }
    }
    switch (order) {
      case REVERSED -> Collections.reverse(deliveries);
      case SHUFFLED -> Collections.shuffle(deliveries, new Random(seed));
      default -> {
      }
    }
    List<Delivery> answers = new ArrayList<>();
    for (Event event : deliveries) {
      answers.add(new Delivery(event.id(), post(url, secret, event)));
    }
    return answers;
  }

  private int post(String url, String secret, Event event) {
    long timestamp = Instant.now().plus(event.timestampOffset()).getEpochSecond();
    byte[] body = event.body().getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("webhook-id", event.id())
        .header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", signature(secret, event.id(), timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** {@code v1,<base64>} for the secret ({@code whsec_} followed by base64 key bytes). */
  public static String signature(String secret, String id, long timestamp, byte[] body) {
    try {
      byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
