package io.stockbridge.inventory.webhook.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.time.SuiteClock;
import io.stockbridge.platform.webhook.StandardWebhookSignature;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Posts one delivery to a subscriber as Standard Webhooks specify: {@code webhook-id} (the same on every attempt),
 * {@code webhook-timestamp} and {@code webhook-signature}. Receivers' URLs are the sellers' own, so this is a plain
 * non-blocking client; fairness between receivers is the dispatcher's (in flight per subscription), and every
 * request has its own timeout, so a hanging receiver holds only its own deliveries.
 */
@ApplicationScoped
public class WebhookReceiverClient {
  private static final int ERROR_LENGTH = 300;

  private final WebClient client;
  private final SuiteClock clock;

  public WebhookReceiverClient(Vertx vertx, SuiteClock clock) {
    this.clock = clock;
    this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5_000).setIdleTimeout(60)
        .setFollowRedirects(false).setUserAgent("Stockbridge-Webhooks/1"));
  }

  public Uni<ReceiverReply> send(String url, String secret, String webhookId, String payload, Duration timeout) {
    byte[] body = payload.getBytes(StandardCharsets.UTF_8);
    long timestamp = clock.now().toEpochSecond();
    return client.postAbs(url)
        .timeout(timeout.toMillis())
        .putHeader("Content-Type", "application/json")
        .putHeader("webhook-id", webhookId)
        .putHeader("webhook-timestamp", Long.toString(timestamp))
        .putHeader("webhook-signature", StandardWebhookSignature.sign(secret, webhookId, timestamp, body))
        .sendBuffer(Buffer.buffer(body))
        .map(response -> new ReceiverReply(response.statusCode(), response.statusCode() / 100 == 2 ? null
            : "answered " + response.statusCode() + ": " + shortened(response.bodyAsString())))
        .onFailure().recoverWithItem(failure -> new ReceiverReply(null, shortened(failure.getClass().getSimpleName()
            + ": " + failure.getMessage())));
  }

  private static String shortened(String text) {
    if (text == null) {
      return "";
    }
    return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) + "..." : text;
  }

  @PreDestroy
  void close() {
    client.close();
  }
}
