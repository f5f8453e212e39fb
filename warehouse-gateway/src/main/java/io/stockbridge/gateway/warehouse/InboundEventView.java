package io.stockbridge.gateway.warehouse;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.gateway.webhook.repository.InboundEvent;
import io.stockbridge.gateway.webhook.repository.InboundEventStatus;

@Schema(description = "An event a warehouse sent, as the inbox holds it")
public record InboundEventView(UUID id, @Schema(description = "The partner's event id") String sourceEventId,
    InboundEventStatus status, @Schema(description = "Why it is parked or rejected") String reason,
    OffsetDateTime sentAt, OffsetDateTime receivedAt) {

  public static InboundEventView of(InboundEvent event) {
    return new InboundEventView(event.id, event.sourceEventId, event.status, event.reason, event.sourceTimestamp,
        event.createdAt);
  }
}
