package io.stockbridge.gateway.webhook;

import static io.stockbridge.testing.Api.anonymous;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.stockbridge.gateway.config.GatewayConfig;
import io.stockbridge.platform.webhook.StandardWebhookSignature;
import io.stockbridge.gateway.webhook.service.WebhookSenders;
import io.stockbridge.testing.SettableClock;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class WebhookIntakeTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");

  @Inject
  Pool pool;

  @Inject
  WebhookSenders senders;

  @Inject
  SettableClock clock;

  @Inject
  GatewayConfig config;

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private record Partner(String warehouseId, String secret) {
  }

  private static Partner connect(String adapter) {
    String code = "WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    var created = as(ALICE).body("{\"code\": \"" + code + "\", \"name\": \"Partner\", \"country\": \"US\", \"adapter\": \""
            + adapter + "\", \"apiReady\": true" + io.stockbridge.gateway.SandboxCredentials.field(adapter) + "}")
        .post("/v1/warehouses").then().statusCode(201).extract();
    return new Partner(created.path("id"), created.path("webhookSecret"));
  }

  private static ValidatableResponse send(Partner partner, String secret, String id, long timestamp, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return anonymous().header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", StandardWebhookSignature.sign(secret, id, timestamp, bytes))
        .body(bytes).post("/webhooks/{id}", partner.warehouseId()).then();
  }

  private static long now() {
    return Instant.now().getEpochSecond();
  }

  private long stored(Partner partner) {
    return pool.preparedQuery("select count(*) from inbound_event where warehouse_id = $1")
        .execute(Tuple.of(UUID.fromString(partner.warehouseId()))).await().indefinitely().iterator().next().getLong(0);
  }

  private static final String EVENT = "{\"type\": \"inventory.updated\", \"data\": {\"sku\": \"EAR-1\", \"onHand\": 12}}";

  @Test
  void aWebhookWarehouseGetsItsUrlAndASecretShownOnce() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    assertThat(partner.secret()).startsWith("whsec_");
    as(ALICE).get("/v1/warehouses/{id}", partner.warehouseId()).then().statusCode(200)
        .body("webhookUrl", equalTo("http://localhost:8083/webhooks/" + partner.warehouseId()))
        .body("webhookSecret", nullValue());
  }

  @Test
  void aCorrectlySignedEventIsStoredBeforeItIsAcknowledged_WH1() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    send(partner, partner.secret(), "evt-1", now(), EVENT).statusCode(202).body("status", equalTo("received"));
    as(ALICE).get("/v1/warehouses/{id}/events", partner.warehouseId()).then().statusCode(200)
        .body("items", hasSize(1)).body("items[0].sourceEventId", equalTo("evt-1"))
        .body("items[0].status", equalTo("RECEIVED"));
    String body = pool.preparedQuery("select body from inbound_event where warehouse_id = $1")
        .execute(Tuple.of(UUID.fromString(partner.warehouseId()))).await().indefinitely().iterator().next().getString(0);
    assertThat(body).isEqualTo(EVENT);
  }

  @Test
  void theSameEventFiveTimesIsStoredOnce() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    long timestamp = now();
    send(partner, partner.secret(), "evt-dup", timestamp, EVENT).statusCode(202);
    for (int i = 0; i < 4; i++) {
      send(partner, partner.secret(), "evt-dup", timestamp, EVENT).statusCode(200).body("status", equalTo("duplicate"));
    }
    assertThat(stored(partner)).isEqualTo(1);
  }

  @Test
  void concurrentArrivalsAreStoredTogetherAndEachSenderHearsItsOwnAnswer() throws Exception {
    Partner partner = connect("STANDARD_WEBHOOKS");
    long timestamp = now();
    java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(32);
    try {
      java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      for (int i = 0; i < 80; i++) {
        // 60 distinct events, and one event sent 20 times at once
        String id = i < 60 ? "evt-many-" + i : "evt-same";
        answers.add(senders.submit(() -> {
          start.await();
          return send(partner, partner.secret(), id, timestamp, EVENT).extract().statusCode();
        }));
      }
      start.countDown();
      java.util.List<Integer> statuses = new java.util.ArrayList<>();
      for (var answer : answers) {
        statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(statuses.subList(0, 60)).containsOnly(202);
      assertThat(statuses.subList(60, 80)).containsOnly(202, 200).filteredOn(s -> s == 202).hasSize(1);
      assertThat(stored(partner)).isEqualTo(61);
    } finally {
      senders.shutdownNow();
    }
  }

  @Test
  void aWrongSignatureOrAStaleTimestampIsRefusedAndNothingStored() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    String otherSecret = connect("STANDARD_WEBHOOKS").secret();
    send(partner, otherSecret, "evt-forged", now(), EVENT).statusCode(401).body("code", equalTo("INVALID_SIGNATURE"));
    send(partner, partner.secret(), "evt-old", now() - 400, EVENT).statusCode(401).body("code", equalTo("STALE_TIMESTAMP"));
    send(partner, partner.secret(), "evt-future", now() + 400, EVENT).statusCode(401).body("code", equalTo("STALE_TIMESTAMP"));
    // the signature covers the body: a changed body fails
    byte[] signedFor = EVENT.getBytes(StandardCharsets.UTF_8);
    long timestamp = now();
    anonymous().header("webhook-id", "evt-tampered").header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", StandardWebhookSignature.sign(partner.secret(), "evt-tampered", timestamp, signedFor))
        .body(EVENT.replace("12", "9999")).post("/webhooks/{id}", partner.warehouseId()).then().statusCode(401);
    assertThat(stored(partner)).isZero();
  }

  @Test
  void malformedOversizeAndHeaderlessEventsAnswer4xxAndStoreNothing() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    send(partner, partner.secret(), "evt-bad-json", now(), "{\"type\": ").statusCode(400)
        .body("code", equalTo("MALFORMED_JSON"));
    send(partner, partner.secret(), "evt-big", now(), "{\"pad\": \"" + "x".repeat(300_000) + "\"}").statusCode(413)
        .body("code", equalTo("PAYLOAD_TOO_LARGE"));
    anonymous().body(EVENT).post("/webhooks/{id}", partner.warehouseId()).then().statusCode(400)
        .body("code", equalTo("MISSING_WEBHOOK_HEADERS")).body("errors", hasSize(3));
    assertThat(stored(partner)).isZero();
  }

  @Test
  void bothSecretsVerifyDuringTheOverlapAndOnlyTheNewOneAfter() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    String fresh = as(ALICE).post("/v1/warehouses/{id}/webhook-secret/rotate", partner.warehouseId()).then()
        .statusCode(200).body("webhookSecret", startsWith("whsec_")).extract().path("webhookSecret");
    assertThat(fresh).isNotEqualTo(partner.secret());
    send(partner, partner.secret(), "evt-old-secret", now(), EVENT).statusCode(202);
    send(partner, fresh, "evt-new-secret", now(), EVENT).statusCode(202);
    // the overlap ends as time passes; the cached copy on this replica sees it too
    clock.advance(config.webhooks().secretOverlap().plusSeconds(1));
    send(partner, partner.secret(), "evt-old-secret-late", now(), EVENT).statusCode(401);
    send(partner, fresh, "evt-new-secret-later", now(), EVENT).statusCode(202);
    senders.forget(UUID.fromString(partner.warehouseId()));
    send(partner, partner.secret(), "evt-old-secret-reloaded", now(), EVENT).statusCode(401);
  }

  @Test
  void aBodyAboveTheLimitIsRefusedFromItsHeadersBeforeAuthenticationAndOneOfUnknownLengthWhileRead() throws Exception {
    Partner partner = connect("STANDARD_WEBHOOKS");
    byte[] large = new byte[300 * 1024];
    java.util.Arrays.fill(large, (byte) ' ');
    // no signature at all: the limit answers before anything looks at who sent it
    anonymous().body(large).post("/webhooks/{id}", partner.warehouseId()).then().statusCode(413)
        .contentType("application/problem+json").body("code", equalTo("PAYLOAD_TOO_LARGE"));
    // a body of undeclared length (chunked) is counted while it is read and cut off at the route's limit
    java.net.http.HttpResponse<String> chunked = sendChunked(partner, large);
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.body()).contains("PAYLOAD_TOO_LARGE");
    assertThat(stored(partner)).isZero();
  }

  /** Sends the body chunked, without a Content-Length, as a streaming client does. */
  private static java.net.http.HttpResponse<String> sendChunked(Partner partner, byte[] body, String... headers)
      throws Exception {
    java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
            io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/webhooks/"
                + partner.warehouseId()))
        .header("Content-Type", "application/json")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
        .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
  }

  /** Over HTTP/2 (cleartext, prior knowledge) a body need not announce its length at all: it is counted as read. */
  @Test
  void anHttp2BodyOfUnannouncedLengthIsCutOffAtTheLimit() throws Exception {
    Partner partner = connect("STANDARD_WEBHOOKS");
    byte[] large = new byte[300 * 1024];
    java.util.Arrays.fill(large, (byte) ' ');
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    try {
      io.vertx.core.http.HttpClient client = vertx.createHttpClient(new io.vertx.core.http.HttpClientOptions()
          .setProtocolVersion(io.vertx.core.http.HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
      java.util.concurrent.CompletableFuture<String[]> answer = new java.util.concurrent.CompletableFuture<>();
      client.request(io.vertx.core.http.HttpMethod.POST, io.restassured.RestAssured.port, "localhost",
              "/webhooks/" + partner.warehouseId())
          .compose(request -> {
            request.putHeader("Content-Type", "application/json").setChunked(true);
            request.write(io.vertx.core.buffer.Buffer.buffer(large));
            request.end();
            return request.response();
          })
          .compose(response -> response.body().map(body -> new String[] { Integer.toString(response.statusCode()),
              response.version().name(), body.toString() }))
          .onComplete(result -> {
            if (result.succeeded()) {
              answer.complete(result.result());
            } else {
              answer.completeExceptionally(result.cause());
            }
          });
      String[] got = answer.get(20, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(got[1]).isEqualTo("HTTP_2");
      assertThat(got[0]).isEqualTo("413");
      assertThat(got[2]).contains("PAYLOAD_TOO_LARGE");
      assertThat(stored(partner)).isZero();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  @Test
  void aChunkedBodyWithinTheLimitIsReadAndVerifiedAsAnyOther() throws Exception {
    Partner partner = connect("STANDARD_WEBHOOKS");
    byte[] body = EVENT.getBytes(StandardCharsets.UTF_8);
    long timestamp = now();
    java.net.http.HttpResponse<String> chunked = sendChunked(partner, body, "webhook-id", "evt-chunked",
        "webhook-timestamp", Long.toString(timestamp), "webhook-signature",
        StandardWebhookSignature.sign(partner.secret(), "evt-chunked", timestamp, body));
    assertThat(chunked.statusCode()).isEqualTo(202);
    assertThat(stored(partner)).isEqualTo(1);
  }

  @Test
  void atMostTwoSecretsVerifyHoweverOftenTheSellerRotates() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    List<String> issued = new java.util.ArrayList<>(List.of(partner.secret()));
    for (int i = 0; i < 3; i++) {
      issued.add(as(ALICE).post("/v1/warehouses/{id}/webhook-secret/rotate", partner.warehouseId()).then()
          .statusCode(200).extract().path("webhookSecret"));
    }
    assertThat(pool.preparedQuery("select count(*) from webhook_secret where warehouse_id = $1 and (retires_at is null "
        + "or retires_at > now())").execute(Tuple.of(UUID.fromString(partner.warehouseId()))).await().indefinitely()
        .iterator().next().getLong(0)).isEqualTo(2);
    send(partner, issued.get(0), "evt-first", now(), EVENT).statusCode(401);
    send(partner, issued.get(1), "evt-second", now(), EVENT).statusCode(401);
    send(partner, issued.get(2), "evt-third", now(), EVENT).statusCode(202);
    send(partner, issued.get(3), "evt-fourth", now(), EVENT).statusCode(202);
  }

  @Test
  void aSecretRotatedElsewhereVerifiesAtOnceDespiteTheCache() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    send(partner, partner.secret(), "evt-warm", now(), EVENT).statusCode(202);
    // another replica rotates: this one's cache still holds only the old secret
    String fresh = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]);
    pool.preparedQuery("insert into webhook_secret (id, warehouse_id, sealed_secret, created_at) values ($1, $2, $3, now())")
        .execute(Tuple.of(UUID.randomUUID(), UUID.fromString(partner.warehouseId()),
            cipher.seal(fresh, "webhook-secret:" + partner.warehouseId()))).await().indefinitely();
    send(partner, fresh, "evt-rotated-elsewhere", now(), EVENT).statusCode(202);
  }

  @Inject
  io.stockbridge.platform.secret.SecretCipher cipher;

  @Test
  void aDisabledUnknownOrPolledWarehouseTakesNoWebhooks() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    as(ALICE).post("/v1/warehouses/{id}/disable", partner.warehouseId()).then().statusCode(200);
    send(partner, partner.secret(), "evt-gone", now(), EVENT).statusCode(410).body("code", equalTo("WAREHOUSE_DISABLED"));
    send(new Partner(UUID.randomUUID().toString(), partner.secret()), partner.secret(), "evt-x", now(), EVENT)
        .statusCode(404);
    Partner polled = connect("WINIT");
    assertThat(polled.secret()).isNull();
    send(polled, partner.secret(), "evt-polled", now(), EVENT).statusCode(409)
        .body("code", equalTo("WEBHOOKS_NOT_ACCEPTED"));
  }

  @Test
  void credentialsAreStoredEncryptedAndNeverShown() {
    String code = "WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String id = as(ALICE).body("{\"code\": \"" + code + "\", \"name\": \"Winit LA\", \"country\": \"US\", \"adapter\": \"WINIT\","
            + " \"apiReady\": true, \"credentials\": {\"appKey\": \"winit-app\", \"token\": \"very-secret-value\","
            + " \"warehouseId\": \"1000001\"}}")
        .post("/v1/warehouses").then().statusCode(201)
        .body("hasCredentials", equalTo(true)).body("credentials", nullValue()).extract().path("id");
    as(ALICE).get("/v1/warehouses/{id}", id).then().statusCode(200).body("credentials", nullValue())
        .body("hasCredentials", equalTo(true));
    String sealed = pool.preparedQuery("select credentials from warehouse_connection where id = $1")
        .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next().getString(0);
    assertThat(sealed).startsWith("primary:").doesNotContain("very-secret-value").doesNotContain("winit-app");
    String secrets = pool.query("select string_agg(sealed_secret, ' ') from webhook_secret").execute().await()
        .indefinitely().iterator().next().getString(0);
    assertThat(secrets).doesNotContain("whsec_");
  }

  @Test
  void anotherSellerCannotRotateOrReadTheInbox() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    String bob = TestTokens.seller("seller-b", "seller-admin");
    as(bob).post("/v1/warehouses/{id}/webhook-secret/rotate", partner.warehouseId()).then().statusCode(404);
    as(bob).get("/v1/warehouses/{id}/events", partner.warehouseId()).then().statusCode(404);
  }
}
