package io.stockbridge.catalog.channelwebhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.stockbridge.catalog.SandboxConsent;
import io.stockbridge.sandbox.channel.ChannelSandbox;
import io.stockbridge.sandbox.channel.ChannelSigning;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The channel's notifications: the signature (HMAC-SHA256 of app key + body with the app secret), the replay window,
 * dedupe by notification id, and orders relayed to the ledger as reservation states.
 */
@QuarkusTest
class ChannelWebhookTest {
  @Inject
  Pool pool;

  private final String seller = "seller-" + UUID.randomUUID();
  private String connection;

  @BeforeEach
  void connect() throws Exception {
    connection = SandboxConsent.connect(TestTokens.seller(seller, "seller-admin"));
  }

  private static String order(String notificationId, long timestamp, String orderId, String status, long updateTime) {
    return """
        {"type":1,"tts_notification_id":"%s","shop_id":"%s","timestamp":%d,
         "data":{"order_id":"%s","order_status":"%s","update_time":%d,
                 "line_items":[{"sku_id":"1","seller_sku":"EAR-1","quantity":2}]}}"""
        .formatted(notificationId, ChannelSandbox.DEFAULT_SHOP, timestamp, orderId, status, updateTime);
  }

  private static String sign(String body) {
    return ChannelSigning.webhookSignature(ChannelSandbox.DEFAULT_APP_SECRET, ChannelSandbox.DEFAULT_APP_KEY, body);
  }

  private io.restassured.response.ValidatableResponse send(String body, String signature) {
    var request = given().contentType(ContentType.JSON).body(body);
    return (signature == null ? request : request.header("Authorization", signature))
        .post("/webhooks/channel/{id}", connection).then();
  }

  private long orderEvents(String orderId) {
    return pool.preparedQuery("select count(*) from outbox_event where path = '/internal/v1/channel-orders' "
            + "and cast(payload as jsonb) ->> 'orderId' = $1 and status = 'PENDING'")
        .execute(Tuple.of(orderId)).await().indefinitely().iterator().next().getLong(0);
  }

  @Test
  void aSignedNotificationIsAppliedOnceHoweverOftenItComes() {
    String orderId = "tts-" + UUID.randomUUID();
    long now = Instant.now().getEpochSecond();
    String body = order(UUID.randomUUID().toString(), now, orderId, "AWAITING_SHIPMENT", now);
    send(body, sign(body)).statusCode(200).body("duplicate", equalTo(false));
    for (int i = 0; i < 4; i++) {
      send(body, sign(body)).statusCode(200).body("duplicate", equalTo(true));
    }
    assertThat(orderEvents(orderId)).isEqualTo(1);
  }

  @Test
  void everyStatusChangeOfAnOrderGoesToTheLedgerInTheOrderReceivedNoneSuperseded_scenario2() {
    String orderId = "tts-" + UUID.randomUUID();
    long now = Instant.now().getEpochSecond();
    String placed = order(UUID.randomUUID().toString(), now, orderId, "AWAITING_SHIPMENT", now);
    String shipped = order(UUID.randomUUID().toString(), now, orderId, "IN_TRANSIT", now);
    send(placed, sign(placed)).statusCode(200);
    send(shipped, sign(shipped)).statusCode(200);
    var rows = pool.preparedQuery("select cast(payload as jsonb) ->> 'state', sequence_key from outbox_event where path = "
            + "'/internal/v1/channel-orders' and cast(payload as jsonb) ->> 'orderId' = $1 and status = 'PENDING' "
            + "order by created_at").execute(Tuple.of(orderId)).await().indefinitely();
    List<String> states = new java.util.ArrayList<>();
    java.util.Set<String> keys = new java.util.HashSet<>();
    rows.forEach(row -> {
      states.add(row.getString(0));
      keys.add(row.getString(1));
    });
    assertThat(states).containsExactly("RESERVED", "COMMITTED");
    // one sequence per order: the ledger gets "shipped" only after it settled "placed"
    assertThat(keys).hasSize(1).allSatisfy(key -> assertThat(key).endsWith(orderId));
  }

  @Test
  void aWrongSignatureAStaleTimestampAndABrokenBodyAreRefused() {
    long now = Instant.now().getEpochSecond();
    String body = order(UUID.randomUUID().toString(), now, "tts-x", "AWAITING_SHIPMENT", now);
    send(body, sign(body + " ")).statusCode(401).contentType("application/problem+json")
        .body("code", equalTo("INVALID_SIGNATURE"));
    send(body, null).statusCode(401);
    String stale = order(UUID.randomUUID().toString(), now - 600, "tts-y", "AWAITING_SHIPMENT", now - 600);
    send(stale, sign(stale)).statusCode(400).body("code", equalTo("STALE_TIMESTAMP"));
    send("[1,2", sign("[1,2")).statusCode(400).body("code", equalTo("MALFORMED_BODY"));
    String big = "{\"pad\":\"" + "x".repeat(300_000) + "\"}";
    send(big, sign(big)).statusCode(413);
    assertThat(orderEvents("tts-x") + orderEvents("tts-y")).isZero();
  }
}
