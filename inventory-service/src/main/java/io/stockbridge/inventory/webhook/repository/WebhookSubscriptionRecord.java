package io.stockbridge.inventory.webhook.repository;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.stockbridge.inventory.webhook.WebhookSubscriptionView;
import io.vertx.mutiny.sqlclient.Row;

/** A stored subscription, its secret still sealed. */
public record WebhookSubscriptionRecord(UUID id, String sellerId, String url, List<String> events, String description,
    String secretSealed, String createdBy, OffsetDateTime createdAt, int consecutiveFailures,
    OffsetDateTime pausedUntil) {

  static final String COLUMNS = "id, seller_id, url, events, description, secret_sealed, created_by, created_at, "
      + "consecutive_failures, paused_until";

  static WebhookSubscriptionRecord of(Row row) {
    return new WebhookSubscriptionRecord(row.getUUID("id"), row.getString("seller_id"), row.getString("url"),
        Arrays.asList(row.getArrayOfStrings("events")), row.getString("description"),
        row.getString("secret_sealed"), row.getString("created_by"), row.getOffsetDateTime("created_at"),
        row.getInteger("consecutive_failures"), row.getOffsetDateTime("paused_until"));
  }

  public WebhookSubscriptionView view() {
    return new WebhookSubscriptionView(id, url, events, description, createdAt, createdBy, consecutiveFailures,
        pausedUntil, null);
  }
}
