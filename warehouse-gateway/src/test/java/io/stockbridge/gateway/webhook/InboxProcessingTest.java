package io.stockbridge.gateway.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.stockbridge.testing.Api.anonymous;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.stockbridge.gateway.webhook.service.InboxProcessor;
import io.stockbridge.gateway.webhook.service.StandardWebhookSignature;
import io.stockbridge.testing.OutboxDestinationStub.InjectDestination;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * From a signed webhook to a normalized snapshot queued for the ledger (catalog-service played by a stub).
 */
@QuarkusTest
class InboxProcessingTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");

  @InjectDestination
  WireMockServer services;

  @Inject
  InboxProcessor processor;

  @Inject
  Pool pool;

  private record Partner(String warehouseId, String secret) {
  }

  private static Partner connect(String adapter) {
    var created = as(ALICE).body("{\"code\": \"WH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase()
            + "\", \"name\": \"Partner\", \"country\": \"US\", \"adapter\": \"" + adapter + "\", \"apiReady\": true}")
        .post("/v1/warehouses").then().statusCode(201).extract();
    return new Partner(created.path("id"), created.path("webhookSecret"));
  }

  private static String send(Partner partner, String body) {
    String id = "evt-" + UUID.randomUUID();
    long timestamp = Instant.now().getEpochSecond();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    anonymous().header("webhook-id", id).header("webhook-timestamp", Long.toString(timestamp))
        .header("webhook-signature", StandardWebhookSignature.sign(partner.secret(), id, timestamp, bytes))
        .body(bytes).post("/webhooks/{id}", partner.warehouseId()).then().statusCode(202);
    return id;
  }

  private void mapItem(Partner partner, String wmsItemId, String sellerSku) {
    services.stubFor(get("/internal/v1/warehouse-items/" + partner.warehouseId() + "/" + wmsItemId)
        .willReturn(okJson("{\"sellerSku\": \"" + sellerSku + "\", \"barcode\": null}")));
  }

  private void process() {
    try {
      VertxContextSupport.subscribeAndAwait(() -> processor.processReceived());
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private Row event(String sourceId) {
    return pool.preparedQuery("select id, status, reason from inbound_event where source_event_id = $1")
        .execute(Tuple.of(sourceId)).await().indefinitely().iterator().next();
  }

  private List<JsonPath> queuedSnapshots(String warehouseId) {
    List<JsonPath> snapshots = new java.util.ArrayList<>();
    pool.preparedQuery("select payload from outbox_event where destination = 'inventory-service' and payload like $1 "
            + "order by created_at").execute(Tuple.of("%" + warehouseId + "%")).await().indefinitely()
        .forEach(row -> snapshots.add(new JsonPath(row.getString("payload"))));
    return snapshots;
  }

  private static String levels(String itemId, long sellable) {
    return "{\"type\": \"inventory.levels\", \"data\": {\"items\": [{\"itemId\": \"" + itemId
        + "\", \"sequence\": \"7\", \"inTransit\": 3, \"qc\": 1, \"frozen\": 0, \"sellable\": " + sellable + "}]}}";
  }

  @Test
  void aMappedItemBecomesASnapshotForTheLedger_WH3() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    mapItem(partner, "WMS-1", "EAR-1");
    String id = send(partner, levels("WMS-1", 12));
    process();
    assertThat(event(id).getString("status")).isEqualTo("APPLIED");
    List<JsonPath> snapshots = queuedSnapshots(partner.warehouseId());
    assertThat(snapshots).hasSize(1);
    JsonPath snapshot = snapshots.get(0);
    assertThat(snapshot.getString("sellerSku")).isEqualTo("EAR-1");
    assertThat(snapshot.getString("kind")).isEqualTo("SNAPSHOT");
    assertThat(snapshot.getString("sequence")).isEqualTo("7");
    assertThat(snapshot.getLong("snapshot.sellable")).isEqualTo(12);
    assertThat(snapshot.getLong("snapshot.inTransit")).isEqualTo(3);
  }

  @Test
  void anUnknownItemIsParkedListedAndReplayableAfterItIsMapped_WH3() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    String id = send(partner, levels("WMS-NEW", 4));
    process();
    Row parked = event(id);
    assertThat(parked.getString("status")).isEqualTo("PARKED");
    assertThat(parked.getString("reason")).contains("WMS-NEW");
    as(ALICE).queryParam("status", "PARKED").get("/v1/warehouses/{id}/events", partner.warehouseId()).then()
        .statusCode(200).body("items[0].sourceEventId", equalTo(id)).body("items[0].reason", containsString("WMS-NEW"));
    assertThat(queuedSnapshots(partner.warehouseId())).isEmpty();

    mapItem(partner, "WMS-NEW", "EAR-NEW");
    as(ALICE).post("/v1/warehouses/{id}/events/{event}/replay", partner.warehouseId(), parked.getUUID("id").toString())
        .then().statusCode(202);
    process();
    assertThat(event(id).getString("status")).isEqualTo("APPLIED");
    assertThat(queuedSnapshots(partner.warehouseId())).extracting(s -> s.getString("sellerSku")).containsExactly("EAR-NEW");
    as(ALICE).post("/v1/warehouses/{id}/events/{event}/replay", partner.warehouseId(), parked.getUUID("id").toString())
        .then().statusCode(409).body("code", equalTo("NOT_REPLAYABLE"));
  }

  @Test
  void whenCatalogCannotAnswerTheEventWaitsInsteadOfBeingCalledUnknown() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    services.stubFor(get("/internal/v1/warehouse-items/" + partner.warehouseId() + "/WMS-DOWN")
        .willReturn(aResponse().withStatus(503)));
    String id = send(partner, levels("WMS-DOWN", 4));
    process();
    assertThat(event(id).getString("status")).isEqualTo("RECEIVED");
    services.verify(3, getRequestedFor(urlEqualTo("/internal/v1/warehouse-items/" + partner.warehouseId() + "/WMS-DOWN")));
    mapItem(partner, "WMS-DOWN", "EAR-BACK");
    process();
    assertThat(event(id).getString("status")).isEqualTo("APPLIED");
  }

  @Test
  void aPayloadOfAnotherStyleIsRejectedWithTheReason() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    String id = send(partner, "{\"type\": \"order.created\", \"data\": {}}");
    process();
    Row rejected = event(id);
    assertThat(rejected.getString("status")).isEqualTo("REJECTED");
    assertThat(rejected.getString("reason")).contains("inventory.levels");
  }

  @Test
  void shipBobLevelsAreMappedToTheSuitesBuckets() {
    Partner partner = connect("SHIPBOB");
    mapItem(partner, "33000", "MUG-1");
    String id = send(partner, """
        {"inventory_id": 33000, "total_on_hand_quantity": 40, "total_committed_quantity": 6,
         "total_fulfillable_quantity": 34, "total_sellable_quantity": 30, "total_awaiting_quantity": 12,
         "total_backordered_quantity": 2, "total_exception_quantity": 4, "total_internal_transfer_quantity": 1}
        """);
    process();
    assertThat(event(id).getString("status")).isEqualTo("APPLIED");
    JsonPath snapshot = queuedSnapshots(partner.warehouseId()).get(0);
    assertThat(snapshot.getLong("snapshot.sellable")).isEqualTo(36);
    assertThat(snapshot.getLong("snapshot.frozen")).isEqualTo(4);
    assertThat(snapshot.getLong("snapshot.inTransit")).isEqualTo(13);
    assertThat(snapshot.getLong("snapshot.qc")).isZero();
  }

  @Test
  void aBacklogOfOneItemShrinksToItsNewestReadingAndALateOlderOneNeverReplacesIt() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    mapItem(partner, "WMS-HOT", "EAR-HOT");
    for (int sequence : new int[] { 3, 1, 5, 2 }) {
      send(partner, levels("WMS-HOT", sequence * 10L).replace("\"sequence\": \"7\"", "\"sequence\": \"" + sequence + "\""));
    }
    process();
    List<JsonPath> first = queuedSnapshots(partner.warehouseId());
    assertThat(first).extracting(s -> s.getString("sequence")).containsExactly("5");

    // a reading waiting in the outbox is superseded by a newer one, never by an older one
    send(partner, levels("WMS-HOT", 40).replace("\"sequence\": \"7\"", "\"sequence\": \"4\""));
    process();
    assertThat(outboxStatusBySequence(partner)).containsOnly(Map.entry("5", "PENDING"), Map.entry("4", "PENDING"));
    send(partner, levels("WMS-HOT", 90).replace("\"sequence\": \"7\"", "\"sequence\": \"9\""));
    process();
    assertThat(outboxStatusBySequence(partner)).containsOnly(Map.entry("5", "SUPERSEDED"),
        Map.entry("4", "SUPERSEDED"), Map.entry("9", "PENDING"));
  }

  private Map<String, String> outboxStatusBySequence(Partner partner) {
    Map<String, String> statuses = new java.util.HashMap<>();
    pool.preparedQuery("select payload, status from outbox_event where payload like $1")
        .execute(Tuple.of("%" + partner.warehouseId() + "%")).await().indefinitely()
        .forEach(row -> statuses.put(new JsonPath(row.getString("payload")).getString("sequence"), row.getString("status")));
    return statuses;
  }

  @Test
  void aBurstForAnUnmappedItemCostsOneLookupAndAReplayAsksAgain_WH3() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    String id = send(partner, levels("WMS-BURST", 1));
    send(partner, levels("WMS-BURST", 2));
    send(partner, levels("WMS-BURST", 3));
    process();
    services.verify(1, getRequestedFor(urlEqualTo("/internal/v1/warehouse-items/" + partner.warehouseId() + "/WMS-BURST")));
    assertThat(event(id).getString("status")).isEqualTo("PARKED");

    mapItem(partner, "WMS-BURST", "EAR-BURST");
    as(ALICE).post("/v1/warehouses/{id}/events/{event}/replay", partner.warehouseId(), event(id).getUUID("id").toString())
        .then().statusCode(202);
    process();
    assertThat(event(id).getString("status")).isEqualTo("APPLIED");
  }
}
