package io.stockbridge.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/**
 * An outbox event claimed by one dispatcher for one delivery attempt.
 */
public record ClaimedEvent(UUID id, String destination, String path, String eventType, String sellerId,
    String payload, String traceparent, int attempts, OffsetDateTime createdAt, OffsetDateTime retrySince) {

  static ClaimedEvent from(Row row) {
    return new ClaimedEvent(row.getUUID("id"), row.getString("destination"), row.getString("path"),
        row.getString("event_type"), row.getString("seller_id"), row.getString("payload"),
        row.getString("traceparent"), row.getInteger("attempts"), row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("retry_since"));
  }
}
