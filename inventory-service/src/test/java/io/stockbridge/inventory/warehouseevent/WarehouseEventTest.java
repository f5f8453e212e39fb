package io.stockbridge.inventory.warehouseevent;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.SELLER_HEADER;
import static io.stockbridge.inventory.StockFixture.SERVICE;
import static io.stockbridge.inventory.StockFixture.levels;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class WarehouseEventTest {

  private static ValidatableResponse send(String event) {
    return as(SERVICE).header(SELLER_HEADER, "seller-a").body(event).post("/internal/v1/warehouse-events").then();
  }

  private static String snapshot(String id, String sku, String warehouse, String observedAt, String sequence,
      long inTransit, long qc, long frozen, long sellable) {
    return """
        {"eventId": "%s", "warehouseId": "%s", "sellerSku": "%s", "observedAt": "%s", %s "kind": "SNAPSHOT",
         "snapshot": {"inTransit": %d, "qc": %d, "frozen": %d, "sellable": %d}}
        """.formatted(id, warehouse, sku, observedAt, sequence == null ? "" : "\"sequence\": \"" + sequence + "\",",
        inTransit, qc, frozen, sellable);
  }

  private static String delta(String id, String sku, String warehouse, String from, String to, long quantity) {
    return """
        {"eventId": "%s", "warehouseId": "%s", "sellerSku": "%s", "observedAt": "2026-11-22T08:00:00Z", "kind": "DELTA",
         "movements": [{"sellerSku": "%s", "warehouseId": "%s", "from": "%s", "to": "%s", "quantity": %d, "reason": "WMS"}]}
        """.formatted(id, warehouse, sku, sku, warehouse, from, to, quantity);
  }

  private static String[] item() {
    String sku = newSku();
    String warehouse = newWarehouse();
    register("seller-a", sku, warehouse);
    return new String[] { sku, warehouse };
  }

  @Test
  void theSameEventFiveTimesIsAppliedOnce() {
    String[] item = item();
    String event = delta("evt-" + UUID.randomUUID(), item[0], item[1], "OUTSIDE", "IN_TRANSIT", 12);
    for (int i = 0; i < 5; i++) {
      send(event).statusCode(200).body("outcome", equalTo("APPLIED")).body("levels.inTransit", equalTo(12))
          .header("Idempotent-Replayed", i == 0 ? "false" : "true");
    }
    assertThat(levels(ALICE, item[0], item[1]).getLong("inTransit")).isEqualTo(12);
  }

  @Test
  void aSnapshotObservedBeforeTheLastAppliedOneIsIgnored() {
    String[] item = item();
    send(snapshot("s2-" + UUID.randomUUID(), item[0], item[1], "2026-11-22T10:00:00Z", null, 5, 2, 1, 8))
        .statusCode(200).body("outcome", equalTo("APPLIED"));
    send(snapshot("s1-" + UUID.randomUUID(), item[0], item[1], "2026-11-22T09:00:00Z", null, 0, 0, 0, 3))
        .statusCode(200).body("outcome", equalTo("STALE")).body("levels.sellable", equalTo(8));
    JsonPath levels = levels(ALICE, item[0], item[1]);
    assertThat(levels.getLong("inTransit")).isEqualTo(5);
    assertThat(levels.getLong("qc")).isEqualTo(2);
    assertThat(levels.getLong("frozen")).isEqualTo(1);
    assertThat(levels.getLong("sellable")).isEqualTo(8);
    send(snapshot("s3-" + UUID.randomUUID(), item[0], item[1], "2026-11-22T11:00:00Z", null, 0, 0, 1, 6))
        .statusCode(200).body("outcome", equalTo("APPLIED")).body("levels.sellable", equalTo(6));
  }

  @Test
  void theSourcesSequenceOrdersSnapshotsBeforeTheClockDoes() {
    String[] item = item();
    send(snapshot("v20-" + UUID.randomUUID(), item[0], item[1], "2026-11-22T10:00:00Z", "202611221000000000020", 0, 0, 0, 9))
        .statusCode(200).body("outcome", equalTo("APPLIED"));
    // a later clock but an older version (a delayed poll): stale
    send(snapshot("v19-" + UUID.randomUUID(), item[0], item[1], "2026-11-22T12:00:00Z", "202611221000000000019", 0, 0, 0, 1))
        .statusCode(200).body("outcome", equalTo("STALE"));
    assertThat(levels(ALICE, item[0], item[1]).getLong("sellable")).isEqualTo(9);
  }

  @Test
  void aSnapshotBelowWhatOrdersReservedKeepsTheReservationsAndReportsTheShortfall() {
    String[] item = item();
    send(snapshot("base-" + UUID.randomUUID(), item[0], item[1], "2026-11-22T10:00:00Z", null, 0, 0, 0, 5)).statusCode(200);
    as(ALICE).body("{\"orderId\": \"short-" + item[0] + "\", \"lines\": [{\"sellerSku\": \"" + item[0] + "\", \"quantity\": 4}]}")
        .post("/v1/reservations").then().statusCode(201);
    send(snapshot("damage-" + UUID.randomUUID(), item[0], item[1], "2026-11-22T11:00:00Z", null, 0, 0, 0, 3))
        .statusCode(200).body("levels.reserved", equalTo(4)).body("levels.shortfall", equalTo(1))
        .body("levels.available", equalTo(0));
  }

  @Test
  void warehouseEventsAreNeitherEditsNorBlockedByExternalOwnership_INV3_INV4() {
    String[] item = item();
    as(ALICE).body("{\"mode\": \"EXTERNAL\", \"integrationId\": \"erp-a\"}").put("/v1/skus/{sku}/ownership", item[0])
        .then().statusCode(200);
    for (int i = 1; i <= 7; i++) {
      send(snapshot("many-" + i + "-" + UUID.randomUUID(), item[0], item[1], "2026-11-22T10:0" + i + ":00Z", null, 0, 0, 0, i))
          .statusCode(200).body("outcome", equalTo("APPLIED"));
    }
    assertThat(levels(ALICE, item[0], item[1]).getLong("sellable")).isEqualTo(7);
  }

  @Test
  void aWarehouseTheGatewayReportsOnIsKnownFromItsFirstEventButSkusMustBeRegistered_WH3() {
    String sku = newSku();
    register("seller-a", sku);
    String warehouse = newWarehouse();
    send(snapshot("first-" + UUID.randomUUID(), sku, warehouse, "2026-11-22T10:00:00Z", null, 0, 0, 0, 4))
        .statusCode(200).body("outcome", equalTo("APPLIED"));
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isEqualTo(4);
    send(snapshot("stranger-" + UUID.randomUUID(), "NOT-REGISTERED", warehouse, "2026-11-22T10:00:00Z", null, 0, 0, 0, 4))
        .statusCode(422).body("code", equalTo("UNKNOWN_SKU_OR_WAREHOUSE"));
  }

  @Test
  void aRefusedFirstEventOfAWarehouseLeavesNothingBehindThatALaterOneTrips_WH3() {
    String warehouse = newWarehouse();
    // the first event of a new warehouse names an unknown SKU: refused, and its registration of the warehouse rolls back
    send(snapshot("refused-" + UUID.randomUUID(), "NOT-REGISTERED-" + UUID.randomUUID(), warehouse,
        "2026-11-22T10:00:00Z", null, 0, 0, 0, 4)).statusCode(422);
    String sku = newSku();
    register("seller-a", sku);
    // the next event must register the warehouse again, not trust a memory of the rolled-back one
    send(snapshot("accepted-" + UUID.randomUUID(), sku, warehouse, "2026-11-22T10:00:00Z", null, 0, 0, 0, 6))
        .statusCode(200).body("outcome", equalTo("APPLIED"));
    send(snapshot("again-" + UUID.randomUUID(), sku, warehouse, "2026-11-22T10:05:00Z", null, 0, 0, 0, 7))
        .statusCode(200).body("outcome", equalTo("APPLIED"));
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isEqualTo(7);
  }

  @Test
  void badEventsAnswer4xxAndChangeNothing() {
    String[] item = item();
    send("{\"eventId\": \"x\", \"warehouseId\": \"" + item[1] + "\", \"sellerSku\": \"" + item[0]
        + "\", \"observedAt\": \"2026-11-22T10:00:00Z\", \"kind\": \"DELTA\"}")
        .statusCode(400).body("errors[0].field", equalTo("movements"));
    send(delta("too-much-" + UUID.randomUUID(), item[0], item[1], "SELLABLE", "FROZEN", 3)).statusCode(409)
        .body("code", equalTo("INSUFFICIENT_STOCK"));
    send(delta("unknown-" + UUID.randomUUID(), "NO-SUCH-SKU", item[1], "OUTSIDE", "QC", 3)).statusCode(422)
        .body("code", equalTo("UNKNOWN_SKU_OR_WAREHOUSE"));
    as(ALICE).header(SELLER_HEADER, "seller-a").body(delta("seller-" + UUID.randomUUID(), item[0], item[1], "OUTSIDE", "QC", 1))
        .post("/internal/v1/warehouse-events").then().statusCode(403);
    as(ALICE).get("/v1/stock/{sku}", item[0]).then().statusCode(200).body("warehouses.size()", equalTo(0));
  }
}
