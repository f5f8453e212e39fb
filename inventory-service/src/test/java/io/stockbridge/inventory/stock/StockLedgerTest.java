package io.stockbridge.inventory.stock;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.BOB;
import static io.stockbridge.inventory.StockFixture.levels;
import static io.stockbridge.inventory.StockFixture.movement;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stockbridge.inventory.LedgerInvariant;
import io.stockbridge.inventory.StockFixture;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class StockLedgerTest {
  @Inject
  Pool pool;

  private static String batch(String... movements) {
    return "{\"movements\": [" + String.join(",", movements) + "]}";
  }

  private static String move(String sku, String warehouse, String from, String to, long quantity, String reason) {
    String one = movement(sku, warehouse, from, to, quantity, reason);
    return one.substring(one.indexOf('[') + 1, one.lastIndexOf(']'));
  }

  @Test
  void aReceiptWalksThroughTheBucketsAndTheBalancesEqualTheMovements_STK1_STK2() {
    String sku = newSku();
    String warehouse = newWarehouse();
    register("seller-a", sku, warehouse);
    as(ALICE).body(batch(
            move(sku, warehouse, "OUTSIDE", "IN_TRANSIT", 10, "RECEIPT"),
            move(sku, warehouse, "IN_TRANSIT", "QC", 10, "ARRIVED"),
            move(sku, warehouse, "QC", "SELLABLE", 8, "INSPECTION_PASSED"),
            move(sku, warehouse, "QC", "FROZEN", 2, "DAMAGE")))
        .post("/v1/stock/movements").then().statusCode(200)
        .body("changes", hasSize(1))
        .body("changes[0].before.sellable", equalTo(0))
        .body("changes[0].after.sellable", equalTo(8))
        .body("changes[0].after.frozen", equalTo(2));
    JsonPath levels = levels(ALICE, sku, warehouse);
    assertThat(levels.getLong("inTransit")).isZero();
    assertThat(levels.getLong("qc")).isZero();
    assertThat(levels.getLong("frozen")).isEqualTo(2);
    assertThat(levels.getLong("sellable")).isEqualTo(8);
    assertThat(levels.getLong("available")).isEqualTo(8);
    assertThat(LedgerInvariant.mismatches(pool)).isZero();
  }

  @Test
  void aBatchWithOneImpossibleMovementAppliesNothing_STK2() {
    String sku = newSku();
    String warehouse = newWarehouse();
    register("seller-a", sku, warehouse);
    as(ALICE).body(batch(
            move(sku, warehouse, "OUTSIDE", "SELLABLE", 5, "RECEIPT"),
            move(sku, warehouse, "SELLABLE", "FROZEN", 6, "DAMAGE")))
        .post("/v1/stock/movements").then().statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("INSUFFICIENT_STOCK"))
        .body("errors[0].field", equalTo("movements[1].quantity"));
    as(ALICE).get("/v1/stock/{sku}", sku).then().statusCode(200).body("warehouses", hasSize(0));
    long movements = pool.preparedQuery("select count(*) from stock_movement where seller_sku = $1")
        .execute(io.vertx.mutiny.sqlclient.Tuple.of(sku)).await().indefinitely().iterator().next().getLong(0);
    assertThat(movements).isZero();
  }

  @Test
  void aReturnGoesToQcAndInspectionDecidesWhereItEnds_STK3() {
    String sku = newSku();
    String warehouse = newWarehouse();
    register("seller-a", sku, warehouse);
    as(ALICE).body(movement(sku, warehouse, "OUTSIDE", "SELLABLE", 1, "RETURN")).post("/v1/stock/movements")
        .then().statusCode(400).body("errors[0].code", equalTo("return_must_enter_qc"));
    as(ALICE).body(movement(sku, warehouse, "OUTSIDE", "QC", 3, "RETURN")).post("/v1/stock/movements")
        .then().statusCode(200);
    as(ALICE).body(batch(move(sku, warehouse, "QC", "SELLABLE", 2, "INSPECTION_PASSED"),
        move(sku, warehouse, "QC", "FROZEN", 1, "INSPECTION_FAILED"))).post("/v1/stock/movements").then().statusCode(200);
    JsonPath levels = levels(ALICE, sku, warehouse);
    assertThat(levels.getLong("sellable")).isEqualTo(2);
    assertThat(levels.getLong("frozen")).isEqualTo(1);
    assertThat(levels.getLong("qc")).isZero();
  }

  @Test
  void aRepeatedIdempotencyKeyAppliesOnce() {
    String sku = newSku();
    String warehouse = newWarehouse();
    register("seller-a", sku, warehouse);
    String key = UUID.randomUUID().toString();
    String body = movement(sku, warehouse, "OUTSIDE", "SELLABLE", 7, "RECEIPT");
    as(ALICE).header("Idempotency-Key", key).body(body).post("/v1/stock/movements").then().statusCode(200)
        .header("Idempotent-Replayed", "false");
    as(ALICE).header("Idempotency-Key", key).body(body).post("/v1/stock/movements").then().statusCode(200)
        .header("Idempotent-Replayed", "true").body("changes[0].after.sellable", equalTo(7));
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isEqualTo(7);
  }

  @Test
  void everyChangeIsAuditedWithActorPathBeforeAndAfter_INV5() {
    String sku = newSku();
    String warehouse = newWarehouse();
    register("seller-a", sku, warehouse);
    as(ALICE).body(movement(sku, warehouse, "OUTSIDE", "SELLABLE", 4, "RECEIPT")).post("/v1/stock/movements")
        .then().statusCode(200);
    as(ALICE).queryParam("sellerSku", sku).get("/v1/audit").then().statusCode(200)
        .body("items", hasSize(1))
        .body("items[0].actor", equalTo("user-of-seller-a"))
        .body("items[0].path", equalTo("MANUAL POST /v1/stock/movements"))
        .body("items[0].reason", equalTo("RECEIPT"))
        .body("items[0].before.sellable", equalTo(0))
        .body("items[0].after.sellable", equalTo(4));
    as(BOB).queryParam("sellerSku", sku).get("/v1/audit").then().statusCode(200).body("items", hasSize(0));
  }

  @Test
  void theLedgerAndTheAuditTrailCannotBeRewritten_STK2_INV5() {
    for (String table : List.of("stock_movement", "stock_audit")) {
      assertThatThrownBy(() -> pool.query("delete from " + table).execute().await().indefinitely())
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> pool.query("update " + table + " set actor = 'someone else'").execute().await().indefinitely())
          .hasMessageContaining("append-only");
    }
  }

  @Test
  void badMovementsAnswer4xxAndApplyNothing() {
    String sku = newSku();
    String warehouse = newWarehouse();
    register("seller-a", sku, warehouse);
    as(ALICE).body(movement(sku, warehouse, "OUTSIDE", "SELLABLE", 0, "RECEIPT")).post("/v1/stock/movements")
        .then().statusCode(400).body("errors.field", hasItem("movements[0].quantity"));
    as(ALICE).body(movement(sku, warehouse, "OUTSIDE", "SELLABLE", -3, "RECEIPT")).post("/v1/stock/movements")
        .then().statusCode(400).body("errors.field", hasItem("movements[0].quantity"));
    as(ALICE).body(movement(sku, warehouse, "OUTSIDE", "SELLABLE", 1_000_000_001L, "RECEIPT")).post("/v1/stock/movements")
        .then().statusCode(400).body("errors.field", hasItem("movements[0].quantity"));
    as(ALICE).body(movement(sku, warehouse, "OUTSIDE", "SHELF", 1, "RECEIPT")).post("/v1/stock/movements")
        .then().statusCode(400).body("code", equalTo("INVALID_ENUM_VALUE"))
        .body("errors[0].field", equalTo("movements[0].to"));
    as(ALICE).body(movement(sku, warehouse, "SELLABLE", "RESERVED", 1, "HAND_RESERVE")).post("/v1/stock/movements")
        .then().statusCode(400).body("errors[0].code", equalTo("reserved_bucket"));
    as(ALICE).body(movement("NO-SUCH-SKU", warehouse, "OUTSIDE", "SELLABLE", 1, "RECEIPT")).post("/v1/stock/movements")
        .then().statusCode(422).body("code", equalTo("UNKNOWN_SKU_OR_WAREHOUSE"))
        .body("errors[0].field", equalTo("movements[0].sellerSku"));
    as(ALICE).body(movement(sku, "NO-SUCH-WH", "OUTSIDE", "SELLABLE", 1, "RECEIPT")).post("/v1/stock/movements")
        .then().statusCode(422).body("errors[0].field", equalTo("movements[0].warehouseId"));
    as(BOB).body(movement(sku, warehouse, "OUTSIDE", "SELLABLE", 1, "RECEIPT")).post("/v1/stock/movements")
        .then().statusCode(422);
    as(ALICE).body(movement(sku, warehouse, "FROZEN", "SELLABLE", 1, "RELEASE")).post("/v1/stock/movements")
        .then().statusCode(409).body("code", equalTo("INSUFFICIENT_STOCK"));
    as(ALICE).get("/v1/stock/{sku}", sku).then().statusCode(200).body("warehouses", hasSize(0));
  }

  @Test
  void anotherSellersSkuAnswers404() {
    String sku = newSku();
    register("seller-a", sku);
    as(ALICE).get("/v1/stock/{sku}", sku).then().statusCode(200).header("ETag", org.hamcrest.Matchers.startsWith("W/"));
    as(BOB).get("/v1/stock/{sku}", sku).then().statusCode(404);
  }

  @Test
  void theListPagesThroughBalancesAndFindsThoseBelowSafetyStock_CNT2() {
    String warehouse = newWarehouse();
    String low = newSku();
    String fine = newSku();
    register("seller-a", low, warehouse);
    register("seller-a", fine);
    io.stockbridge.inventory.StockFixture.receive(ALICE, low, warehouse, 2);
    io.stockbridge.inventory.StockFixture.receive(ALICE, fine, warehouse, 50);
    long version = levels(ALICE, low, warehouse).getLong("version");
    as(ALICE).header("If-Match", "\"" + version + "\"").body("{\"sellable\": 2, \"safetyStock\": 5, \"reason\": \"keep 5\"}")
        .put("/v1/stock/{sku}/warehouses/{warehouse}", low, warehouse).then().statusCode(200);
    as(ALICE).queryParam("warehouseId", warehouse).queryParam("limit", 1).get("/v1/stock").then().statusCode(200)
        .body("items", hasSize(1)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
    as(ALICE).queryParam("warehouseId", warehouse).queryParam("belowSafetyStock", true).get("/v1/stock").then()
        .statusCode(200).body("items.sellerSku", org.hamcrest.Matchers.contains(low))
        .body("items[0].levels.available", equalTo(0));
  }

  @Test
  void batchesOverTheSameSkusInOppositeOrderSentTogetherAllSucceed_scenario4() throws Exception {
    int pairs = 4;
    List<String[]> skuPairs = new java.util.ArrayList<>();
    String warehouse = newWarehouse();
    for (int p = 0; p < pairs; p++) {
      String first = newSku();
      String second = newSku();
      register("seller-a", first, warehouse);
      register("seller-a", second, warehouse);
      StockFixture.receive(ALICE, first, warehouse, 100);
      StockFixture.receive(ALICE, second, warehouse, 100);
      skuPairs.add(new String[] { first, second });
    }
    String batch = """
        {"movements": [
          {"sellerSku": "%s", "warehouseId": "%s", "from": "SELLABLE", "to": "FROZEN", "quantity": 1, "reason": "HOLD"},
          {"sellerSku": "%s", "warehouseId": "%s", "from": "SELLABLE", "to": "FROZEN", "quantity": 1, "reason": "HOLD"}]}""";
    java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(pairs * 4);
    try {
      java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
      for (String[] pair : skuPairs) {
        // two batches each way per pair: each SKU takes its receipt and four edits, within the INV-4 limit
        for (int i = 0; i < 4; i++) {
          String body = i % 2 == 0 ? batch.formatted(pair[0], warehouse, pair[1], warehouse)
              : batch.formatted(pair[1], warehouse, pair[0], warehouse);
          answers.add(senders.submit(() -> {
            start.await();
            return as(ALICE).body(body).post("/v1/stock/movements").then().extract().statusCode();
          }));
        }
      }
      start.countDown();
      for (java.util.concurrent.Future<Integer> answer : answers) {
        assertThat(answer.get()).isEqualTo(200);
      }
    } finally {
      senders.shutdownNow();
    }
    for (String[] pair : skuPairs) {
      for (String sku : pair) {
        assertThat(levels(ALICE, sku, warehouse).getLong("frozen")).isEqualTo(4);
      }
    }
  }
}
