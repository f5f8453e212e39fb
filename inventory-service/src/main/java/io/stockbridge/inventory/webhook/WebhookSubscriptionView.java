package io.stockbridge.inventory.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription; its signing secret only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookSubscriptionView(
    UUID id,
    String url,
    List<String> events,
    String description,
    OffsetDateTime createdAt,
    String createdBy,
    @Schema(description = "Failed deliveries in a row; from the configured number on, the receiver is left alone for "
        + "a while between batches")
    int consecutiveFailures,
    OffsetDateTime pausedUntil,
    @Schema(description = "The Standard Webhooks signing secret (whsec_...); shown once, when the subscription is "
        + "created")
    String secret) {

  public WebhookSubscriptionView withSecret(String secret) {
    return new WebhookSubscriptionView(id, url, events, description, createdAt, createdBy, consecutiveFailures,
        pausedUntil, secret);
  }
}
