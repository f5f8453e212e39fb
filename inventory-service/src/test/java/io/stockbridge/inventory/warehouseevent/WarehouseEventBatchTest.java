package io.stockbridge.inventory.warehouseevent;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.levels;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.TestTokens;

/**
 * The batch form of the warehouse event intake: one transaction for many events, each answered as a single
 * request would be, one refused event never holding up the others.
 */
@QuarkusTest
class WarehouseEventBatchTest {
  private static final String GATEWAY = TestTokens.service("warehouse-gateway");

  private static String event(String id, String seller, String sku, String warehouse, String sequence, long sellable) {
    return """
        {"eventId": "outbox-%s", "eventType": "warehouse.snapshot", "sellerId": "%s", "payload":
          {"eventId": "%s", "warehouseId": "%s", "sellerSku": "%s", "observedAt": "2026-11-22T10:00:00Z",
           "sequence": "%s", "kind": "SNAPSHOT", "snapshot": {"inTransit": 0, "qc": 0, "frozen": 0, "sellable": %d}}}
        """.formatted(id, seller, id, warehouse, sku, sequence, sellable);
  }

  @Test
  void eachEventIsAnsweredAloneAndAppliedOnceEvenWhenTheBatchIsSentAgain_WH3() {
    String sku = newSku();
    String other = newSku();
    String warehouse = newWarehouse();
    register("seller-a", sku, warehouse);
    register("seller-a", other, warehouse);
    String run = UUID.randomUUID().toString();
    String batch = "{\"events\": [" + String.join(",",
        event(run + "-1", "seller-a", sku, warehouse, "1", 10),
        event(run + "-2", "seller-a", "NOT-REGISTERED-" + run, warehouse, "1", 5),
        "{\"eventId\": \"outbox-" + run + "-3\", \"sellerId\": \"seller-a\", \"payload\": {\"kind\": \"SIDEWAYS\"}}",
        event(run + "-4", "seller-a", other, warehouse, "1", 7),
        event(run + "-5", "seller-a", sku, warehouse, "3", 12),
        // older than the one before it in the same batch: answered STALE, never applied
        event(run + "-6", "seller-a", sku, warehouse, "2", 99)) + "]}";

    for (int attempt = 0; attempt < 2; attempt++) {
      as(GATEWAY).body(batch).post("/internal/v1/warehouse-events/batch").then().statusCode(200)
          .body("results.status", contains(200, 422, 400, 200, 200, 200))
          // the answer names each event by the sender's id for it, not the id inside the payload
          .body("results.eventId", contains("outbox-" + run + "-1", "outbox-" + run + "-2", "outbox-" + run + "-3",
              "outbox-" + run + "-4", "outbox-" + run + "-5", "outbox-" + run + "-6"))
          .body("results[1].code", org.hamcrest.Matchers.equalTo("UNKNOWN_SKU_OR_WAREHOUSE"))
          .body("results[5].result.outcome", org.hamcrest.Matchers.equalTo("STALE"));
    }
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isEqualTo(12);
    assertThat(levels(ALICE, other, warehouse).getLong("sellable")).isEqualTo(7);
  }

  @Test
  void onlyServiceAccountsSendBatches() {
    as(ALICE).body("{\"events\": []}").post("/internal/v1/warehouse-events/batch").then().statusCode(403);
    as(GATEWAY).body("{\"events\": []}").post("/internal/v1/warehouse-events/batch").then().statusCode(400);
  }
}
