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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.stockbridge.gateway.config.InboxConfig;
import io.stockbridge.gateway.webhook.service.InboxProcessor;
import io.stockbridge.platform.webhook.StandardWebhookSignature;
import io.stockbridge.platform.outbox.OutboxConfig;
import io.stockbridge.testing.OutboxDestinationStub.InjectDestination;
import io.stockbridge.testing.SettableClock;
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

  @Inject
  SettableClock clock;

  @Inject
  InboxConfig inboxConfig;

  @Inject
  OutboxConfig outboxConfig;

  @AfterEach
  void realTime() {
    clock.reset();
  }

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
    assertThat(event(id).getString("status")).isEqualTo("DELIVERING");
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
    assertThat(event(id).getString("status")).isEqualTo("DELIVERING");
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
    // the event waits its back-off
    clock.advance(inboxConfig.maxBackoff().plusSeconds(1));
    process();
    assertThat(event(id).getString("status")).isEqualTo("DELIVERING");
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

  private static String countReport(String countId, String itemId, long counted) {
    return "{\"type\": \"count.completed\", \"data\": {\"countId\": \"" + countId + "\", \"items\": [{\"itemId\": \""
        + itemId + "\", \"counted\": " + counted + "}]}}";
  }

  @Test
  void aPartnersCountReportBecomesTheCountsResultsForTheLedger_CNT1() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    mapItem(partner, "WMS-C1", "EAR-C1");
    String countId = UUID.randomUUID().toString();
    String id = send(partner, countReport(countId, "WMS-C1", 47));
    process();
    Row delivering = event(id);
    assertThat(delivering.getString("status")).isEqualTo("DELIVERING");
    Row queued = pool.preparedQuery("select path, event_type, seller_id, payload from outbox_event where subject = $1")
        .execute(Tuple.of(delivering.getUUID("id").toString())).await().indefinitely().iterator().next();
    assertThat(queued.getString("path")).isEqualTo("/internal/v1/counts/" + countId + "/results");
    assertThat(queued.getString("event_type")).isEqualTo("count.completed");
    assertThat(queued.getString("seller_id")).isEqualTo("seller-a");
    JsonPath results = new JsonPath(queued.getString("payload"));
    assertThat(results.getString("lines[0].sellerSku")).isEqualTo("EAR-C1");
    assertThat(results.getLong("lines[0].counted")).isEqualTo(47);
  }

  @Test
  void aCountReportOfAnUnknownItemIsParkedAndOneThatIsNotAReportIsRejectedWithTheReason_CNT1() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    String unknown = send(partner, countReport(UUID.randomUUID().toString(), "WMS-UNCOUNTED", 3));
    String noCount = send(partner, countReport("not-a-count", "WMS-C1", 3));
    String negative = send(partner, countReport(UUID.randomUUID().toString(), "WMS-C1", -1));
    process();
    assertThat(event(unknown).getString("status")).isEqualTo("PARKED");
    assertThat(event(unknown).getString("reason")).contains("WMS-UNCOUNTED").contains("map them");
    assertThat(event(noCount).getString("status")).isEqualTo("REJECTED");
    assertThat(event(noCount).getString("reason")).contains("countId");
    assertThat(event(negative).getString("status")).isEqualTo("REJECTED");
    assertThat(event(negative).getString("reason")).contains("counted");
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
    assertThat(event(id).getString("status")).isEqualTo("DELIVERING");
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
    assertThat(event(id).getString("status")).isEqualTo("DELIVERING");
  }

  private static final String LEDGER_BATCH = "/internal/v1/warehouse-events/batch";

  private String snapshotOf(String sourceId) {
    return pool.preparedQuery("select o.id from outbox_event o join inbound_event e on o.subject = e.id::text "
            + "where e.source_event_id = $1").execute(Tuple.of(sourceId)).await().indefinitely()
        .iterator().next().getUUID(0).toString();
  }

  /** The ledger's answer to one snapshot, as inventory-service's batch endpoint gives it. */
  private void ledgerAnswers(String outboxId, String result) {
    services.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(LEDGER_BATCH)
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(outboxId))
        .willReturn(okJson("{\"results\": [{\"eventId\": \"" + outboxId + "\", " + result + "}]}")));
  }

  /** Delivers the snapshot once (other tests' events may wait ahead of it), then lets the gateway confirm. */
  private void deliverAndConfirm(String snapshot) {
    try {
      int before = attempts(snapshot);
      for (int round = 0; round < 50 && attempts(snapshot) == before; round++) {
        clock.advance(outboxConfig.maxBackoff().plusSeconds(1));
        VertxContextSupport.subscribeAndAwait(() -> dispatcher.dispatch("inbox-test"));
      }
      assertThat(attempts(snapshot)).as("attempts to deliver " + snapshot).isGreaterThan(before);
      VertxContextSupport.subscribeAndAwait(() -> confirmations.confirm());
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private void confirm() {
    try {
      VertxContextSupport.subscribeAndAwait(() -> confirmations.confirm());
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private int attempts(String snapshot) {
    return pool.preparedQuery("select attempts from outbox_event where id = $1")
        .execute(Tuple.of(UUID.fromString(snapshot))).await().indefinitely().iterator().next().getInteger(0);
  }

  @Inject
  io.stockbridge.platform.outbox.OutboxDispatcher dispatcher;

  @Inject
  io.stockbridge.gateway.webhook.service.LedgerConfirmations confirmations;

  @Test
  void aReadingIsAppliedOnlyOnceTheLedgerTookIt_scenario1() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    mapItem(partner, "WMS-FIRST", "EAR-FIRST");
    String id = send(partner, levels("WMS-FIRST", 8));
    process();
    String snapshot = snapshotOf(id);

    // the ledger does not know the SKU yet (its registration is still on the way): not an answer, a wait
    ledgerAnswers(snapshot, "\"status\": 422, \"code\": \"UNKNOWN_SKU_OR_WAREHOUSE\", \"retryable\": true");
    deliverAndConfirm(snapshot);
    assertThat(event(id).getString("status")).isEqualTo("DELIVERING");
    as(ALICE).get("/v1/warehouses/{id}/events", partner.warehouseId()).then().statusCode(200)
        .body("items[0].status", equalTo("DELIVERING"));

    ledgerAnswers(snapshot, "\"status\": 200");
    deliverAndConfirm(snapshot);
    assertThat(event(id).getString("status")).isEqualTo("APPLIED");
  }

  @Test
  void aReadingTheLedgerRefusesForGoodIsRejectedWithItsReasonAndAReplayOfTheDeadLetterAppliesIt() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    mapItem(partner, "WMS-REFUSED", "EAR-REFUSED");
    String id = send(partner, levels("WMS-REFUSED", 8));
    process();
    String snapshot = snapshotOf(id);

    ledgerAnswers(snapshot, "\"status\": 422, \"code\": \"VALIDATION_FAILED\", \"detail\": \"sellable too large\"");
    deliverAndConfirm(snapshot);
    Row rejected = event(id);
    assertThat(rejected.getString("status")).isEqualTo("REJECTED");
    assertThat(rejected.getString("reason")).isEqualTo("the ledger refused it: 422 VALIDATION_FAILED: sellable too large");
    as(ALICE).get("/v1/dead-letters/{id}", snapshot).then().statusCode(200).body("receiverCode",
        equalTo("VALIDATION_FAILED"));

    // once the cause is fixed, replaying the dead letter puts the event back on its way
    as(ALICE).post("/v1/dead-letters/{id}/replay", snapshot).then().statusCode(200);
    ledgerAnswers(snapshot, "\"status\": 200");
    confirm();
    assertThat(event(id).getString("status")).isEqualTo("DELIVERING");
    deliverAndConfirm(snapshot);
    assertThat(event(id).getString("status")).isEqualTo("APPLIED");
  }

  @Test
  void aReadingSupersededByANewerOneIsAppliedWhenTheNewerOneIs() {
    Partner partner = connect("STANDARD_WEBHOOKS");
    mapItem(partner, "WMS-SUPER", "EAR-SUPER");
    String older = send(partner, levels("WMS-SUPER", 1).replace("\"sequence\": \"7\"", "\"sequence\": \"1\""));
    process();
    String newer = send(partner, levels("WMS-SUPER", 2).replace("\"sequence\": \"7\"", "\"sequence\": \"2\""));
    process();
    confirm();
    // the older reading will never be sent; until the newer one that carries the item's state is applied, it waits
    assertThat(event(older).getString("status")).isEqualTo("DELIVERING");
    assertThat(event(newer).getString("status")).isEqualTo("DELIVERING");
    ledgerAnswers(snapshotOf(newer), "\"status\": 200");
    deliverAndConfirm(snapshotOf(newer));
    assertThat(event(newer).getString("status")).isEqualTo("APPLIED");
    assertThat(event(older).getString("status")).isEqualTo("APPLIED");
  }
}
