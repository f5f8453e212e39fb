package io.stockbridge.gateway.count.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.polling.client.WmsHttp;
import io.stockbridge.platform.webhook.StandardWebhookSignature;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.core.buffer.Buffer;

/**
 * Posts a count request to the partner's count-request URL as a Standard Webhooks event, signed with every secret
 * of the warehouse that verifies now (the same secrets the partner signs its own webhooks with; several during a
 * rotation). The event id stays the same on every retry, so the partner can tell a retry from a new request.
 */
@ApplicationScoped
public class PartnerCountClient {
  private final WmsHttp http;
  private final SuiteClock clock;

  public PartnerCountClient(WmsHttp http, SuiteClock clock) {
    this.http = http;
    this.clock = clock;
  }

  /** The partner's answer: its status, and the start of its body for the request's reason. */
  public record PartnerAnswer(int status, String body) {
    public boolean accepted() {
      return status >= 200 && status < 300;
    }

    /** Whether asking again can succeed: the partner was busy or failing, not refusing the request itself. */
    public boolean worthRetrying() {
      return status == 408 || status == 425 || status == 429 || status >= 500;
    }
  }

  public Uni<PartnerAnswer> send(String url, List<String> secrets, String eventId, String json, Duration timeout) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    long timestamp = clock.now().toEpochSecond();
    String signature = secrets.stream().map(secret -> StandardWebhookSignature.sign(secret, eventId, timestamp, body))
        .collect(Collectors.joining(" "));
    return http.client().postAbs(url)
        .timeout(timeout.toMillis())
        .putHeader("Content-Type", "application/json")
        .putHeader("webhook-id", eventId)
        .putHeader("webhook-timestamp", Long.toString(timestamp))
        .putHeader("webhook-signature", signature)
        .sendBuffer(Buffer.buffer(body))
        .map(response -> {
          String text = response.bodyAsString();
          return new PartnerAnswer(response.statusCode(), text == null ? ""
              : text.length() > 300 ? text.substring(0, 300) + "..." : text);
        });
  }
}
