package io.stockbridge.inventory.webhook.repository;

import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/** A delivery taken for one attempt, with where it goes and the sealed secret it is signed with. */
public record ClaimedDelivery(UUID id, UUID subscriptionId, String sellerId, String eventType, String payload,
    int attempts, String url, String secretSealed) {

  static ClaimedDelivery of(Row delivery, Row subscription) {
    return new ClaimedDelivery(delivery.getUUID("id"), delivery.getUUID("subscription_id"),
        delivery.getString("seller_id"), delivery.getString("event_type"), delivery.getString("payload"),
        delivery.getInteger("attempts"), subscription.getString("url"), subscription.getString("secret_sealed"));
  }
}
