package io.stockbridge.gateway.webhook;

import static io.stockbridge.testing.Api.anonymous;
import static io.stockbridge.testing.Api.as;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.restassured.response.ValidatableResponse;
import io.stockbridge.platform.webhook.StandardWebhookSignature;

/** A warehouse partner connected by a seller, sending signed Standard Webhooks to the gateway. */
record WebhookPartner(String warehouseId, String secret) {

  static WebhookPartner connect(String sellerToken, String adapter) {
    var created = as(sellerToken).body("{\"code\": \"WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
            + "\", \"name\": \"Partner\", \"country\": \"US\", \"adapter\": \"" + adapter + "\", \"apiReady\": true}")
        .post("/v1/warehouses").then().statusCode(201).extract();
    return new WebhookPartner(created.path("id"), created.path("webhookSecret"));
  }

  /** Sends the body, signed now, under a fresh event id; the caller checks the answer. */
  ValidatableResponse send(byte[] body) {
    String id = "evt-" + UUID.randomUUID();
    long timestamp = Instant.now().getEpochSecond();
    return anonymous().header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", StandardWebhookSignature.sign(secret, id, timestamp, body))
        .body(body).post("/webhooks/{id}", warehouseId).then();
  }

  ValidatableResponse send(String body) {
    return send(body.getBytes(StandardCharsets.UTF_8));
  }

  /** A Standard Webhooks inventory.levels event for one item. */
  static String levels(String itemId, long sellable) {
    return "{\"type\": \"inventory.levels\", \"data\": {\"items\": [{\"itemId\": \"" + itemId
        + "\", \"inTransit\": 0, \"qc\": 0, \"frozen\": 0, \"sellable\": " + sellable + "}]}}";
  }
}
