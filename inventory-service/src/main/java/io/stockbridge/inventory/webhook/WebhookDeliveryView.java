package io.stockbridge.inventory.webhook;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event sent (or to be sent) to one subscriber, with what the receiver answered last. */
public record WebhookDeliveryView(
    @Schema(description = "The webhook-id header the receiver sees, the same on every attempt") String webhookId,
    UUID id,
    String eventType,
    WebhookDeliveryStatus status,
    int attempts,
    OffsetDateTime createdAt,
    OffsetDateTime lastAttemptAt,
    @Schema(description = "The HTTP status the receiver answered last; absent when it did not answer")
    Integer lastResponseStatus,
    String lastError,
    OffsetDateTime nextAttemptAt,
    OffsetDateTime deliveredAt,
    OffsetDateTime deadAt,
    OffsetDateTime replayedAt,
    @Schema(description = "The body sent: {type, timestamp, data}") Map<String, Object> payload) {

  /** The webhook-id of a delivery. */
  public static String webhookId(UUID id) {
    return "msg_" + id.toString().replace("-", "");
  }
}
