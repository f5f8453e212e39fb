package io.stockbridge.inventory.alert;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.BOB;
import static io.stockbridge.inventory.StockFixture.SELLER_HEADER;
import static io.stockbridge.inventory.StockFixture.SERVICE;
import static io.stockbridge.inventory.StockFixture.movement;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.receive;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.alert.service.AlertSweep;
import io.stockbridge.inventory.calibration.service.CalibrationEscalation;
import io.stockbridge.testing.SettableClock;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The seller is told, not left to poll: the ledger's rules open one alert per cause, keep its figures current, and
 * resolve it when the cause goes away (CNT-2, CNT-3, CNT-4, INV-4, WH-4); the safety stock is a policy, not a stock
 * edit; sales per day come from the ledger's own shipments.
 */
@QuarkusTest
class AlertTest {
  private static final String ERP = TestTokens.integration("seller-a", "erp-a");

  @Inject
  AlertSweep sweep;

  @Inject
  CalibrationEscalation escalation;

  @Inject
  SettableClock clock;

  @Inject
  Pool pool;

  private final String sku = newSku();
  private final String warehouse = newWarehouse();

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private List<AlertSweep.RuleSweep> sweep() {
    try {
      return VertxContextSupport.subscribeAndAwait(() -> sweep.sweep());
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private List<Map<String, Object>> alerts(String type) {
    return as(ALICE).queryParam("sellerSku", sku).queryParam("type", type).queryParam("limit", 500)
        .get("/v1/alerts").then().statusCode(200).extract().jsonPath().getList("items");
  }

  private Map<String, Object> unresolved(String type) {
    List<Map<String, Object>> open = alerts(type).stream().filter(a -> !"RESOLVED".equals(a.get("status"))).toList();
    assertThat(open).as("unresolved %s alerts of %s", type, sku).hasSizeLessThanOrEqualTo(1);
    return open.isEmpty() ? null : open.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> details(Map<String, Object> alert) {
    return (Map<String, Object>) alert.get("details");
  }

  private void move(String token, String from, String to, long quantity) {
    as(token).body(movement(sku, warehouse, from, to, quantity, "TEST")).post("/v1/stock/movements").then()
        .statusCode(200);
  }

  private io.restassured.response.ValidatableResponse policy(String token, long safetyStock, Integer leadTimeDays) {
    return as(token).body("{\"safetyStock\": " + safetyStock + ", \"leadTimeDays\": " + leadTimeDays + "}")
        .put("/v1/stock/{sku}/warehouses/{warehouse}/safety-stock", sku, warehouse).then();
  }

  /** Reserves {@code quantity} units for an order and ships them: a sale on the clock's day. */
  private void sell(long quantity) {
    String reservation = as(ALICE).body("{\"orderId\": \"o-" + UUID.randomUUID() + "\", \"lines\": [{\"sellerSku\": \""
            + sku + "\", \"quantity\": " + quantity + ", \"warehouseId\": \"" + warehouse + "\"}]}")
        .post("/v1/reservations").then().statusCode(201).extract().path("id");
    as(ALICE).post("/v1/reservations/{id}/commit", reservation).then().statusCode(200);
  }

  @Test
  void fallingBelowTheSafetyStockOpensOneAlertThatResolvesItselfOnceRestocked_CNT2() {
    register("seller-a", sku, warehouse);
    as(ALICE).body("{\"mode\": \"EXTERNAL\", \"integrationId\": \"erp-a\"}").put("/v1/skus/{sku}/ownership", sku)
        .then().statusCode(200);
    receive(ERP, sku, warehouse, 20);

    // a policy, not a stock edit: the seller sets it on a SKU the ERP owns, as often as needed (INV-3, INV-4 apart)
    for (int i = 0; i < 6; i++) {
      policy(ALICE, 10 + i % 2, 7).statusCode(200);
    }
    policy(ALICE, 10, 7).statusCode(200).body("safetyStock", equalTo(10)).body("leadTimeDays", equalTo(7))
        .body("effectiveLeadTimeDays", equalTo(7)).body("levels.safetyStock", equalTo(10));
    policy(ALICE, 10, null).statusCode(200).body("effectiveLeadTimeDays", equalTo(14));
    policy(ALICE, 10, null).statusCode(200).body("leadTimeDays", equalTo(null));
    List<String> audited = as(ALICE).queryParam("sellerSku", sku).get("/v1/audit").then().statusCode(200).extract()
        .jsonPath().getList("items.findAll { it.reason == 'SAFETY_STOCK_POLICY' }.reason");
    assertThat(audited).as("every change audited, the same policy again not").hasSize(8);

    sweep();
    assertThat(unresolved("BELOW_SAFETY_STOCK")).isNull();
    move(ERP, "SELLABLE", "OUTSIDE", 15);
    sweep();
    sweep();
    Map<String, Object> alert = unresolved("BELOW_SAFETY_STOCK");
    assertThat(alert).isNotNull();
    assertThat(alert.get("status")).isEqualTo("OPEN");
    assertThat(alert.get("warehouseId")).isEqualTo(warehouse);
    assertThat(details(alert)).containsEntry("unreserved", 5).containsEntry("safetyStock", 10);
    assertThat(alerts("BELOW_SAFETY_STOCK")).as("one alert per cause, however often it is looked for").hasSize(1);

    // the same cause with new figures: the same alert, updated
    move(ERP, "SELLABLE", "OUTSIDE", 1);
    sweep();
    Map<String, Object> updated = unresolved("BELOW_SAFETY_STOCK");
    assertThat(updated.get("id")).isEqualTo(alert.get("id"));
    assertThat(details(updated)).containsEntry("unreserved", 4);

    String id = (String) alert.get("id");
    as(ALICE).body("{\"note\": \"PO-2291 raised\"}").post("/v1/alerts/{id}/acknowledgement", id).then()
        .statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("acknowledgementNote", equalTo("PO-2291 raised"));
    as(ALICE).body("{\"note\": \"again\"}").post("/v1/alerts/{id}/acknowledgement", id).then().statusCode(200)
        .body("acknowledgementNote", equalTo("PO-2291 raised"));
    as(BOB).get("/v1/alerts/{id}", id).then().statusCode(404);
    as(BOB).post("/v1/alerts/{id}/acknowledgement", id).then().statusCode(404);
    sweep();
    as(ALICE).get("/v1/alerts/{id}", id).then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));

    move(ERP, "OUTSIDE", "SELLABLE", 10);
    sweep();
    as(ALICE).get("/v1/alerts/{id}", id).then().statusCode(200).body("status", equalTo("RESOLVED"))
        .body("resolution", equalTo("its cause went away"));
    as(ALICE).post("/v1/alerts/{id}/acknowledgement", id).then().statusCode(409)
        .body("code", equalTo("ALERT_ALREADY_RESOLVED"));

    // the cause again: a new alert
    move(ERP, "SELLABLE", "OUTSIDE", 10);
    sweep();
    assertThat(unresolved("BELOW_SAFETY_STOCK").get("id")).isNotEqualTo(id);
  }

  @Test
  void aReorderIsSuggestedFromTheLast30DaysSalesAndTheLeadTime_CNT2() {
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 100);
    policy(ALICE, 5, 10).statusCode(200);
    clock.advance(Duration.ofDays(-20));
    sell(30);
    clock.advance(Duration.ofDays(10));
    sell(30);
    clock.reset();
    sweep();
    // 60 sold in 30 days: 2 a day; reorder at 5 + 2 x 10 = 25, and 40 are on hand
    assertThat(unresolved("REPLENISH")).isNull();

    sell(20);
    sweep();
    // 80 sold: 2.67 a day; reorder at 5 + ceil(26.7) = 32 with 20 on hand: cover 10 + 30 days, keep 5
    Map<String, Object> replenish = unresolved("REPLENISH");
    assertThat(replenish).isNotNull();
    assertThat(details(replenish)).containsEntry("reorderPoint", 32).containsEntry("onHandAndInbound", 20)
        .containsEntry("leadTimeDays", 10).containsEntry("soldInWindow", 80).containsEntry("suggestedQuantity", 92)
        .containsEntry("dailySales", 2.67f);

    // what is on the way counts: the reorder placed, the alert resolves
    move(ALICE, "OUTSIDE", "IN_TRANSIT", 92);
    sweep();
    assertThat(unresolved("REPLENISH")).isNull();

    LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    JsonPath sales = as(ALICE).queryParam("warehouseId", warehouse).get("/v1/sales/{sku}", sku).then()
        .statusCode(200).extract().jsonPath();
    assertThat(sales.getInt("units")).isEqualTo(80);
    assertThat(sales.getList("days")).hasSize(30);
    assertThat(sales.getString("to")).isEqualTo(today.toString());
    assertThat(sales.getInt("days.find { it.day == '" + today.minusDays(20) + "' }.units")).isEqualTo(30);
    assertThat(sales.getInt("days.find { it.day == '" + today.minusDays(10) + "' }.units")).isEqualTo(30);
    assertThat(sales.getInt("days.find { it.day == '" + today + "' }.units")).isEqualTo(20);
    assertThat(sales.getInt("days.find { it.day == '" + today.minusDays(1) + "' }.units")).isZero();
    as(ALICE).queryParam("from", today.minusDays(5).toString()).get("/v1/sales/{sku}", sku).then().statusCode(200)
        .body("units", equalTo(20)).body("days.size()", equalTo(6));
  }

  @Test
  void salesWindowsAreCheckedAndAnotherSellersSkuIsNotFound() {
    register("seller-a", sku, warehouse);
    as(ALICE).queryParam("from", "2025-01-01").queryParam("to", "2026-06-01").get("/v1/sales/{sku}", sku).then()
        .statusCode(400).body("errors[0].code", equalTo("window_too_long"));
    as(ALICE).queryParam("from", "2026-06-02").queryParam("to", "2026-06-01").get("/v1/sales/{sku}", sku).then()
        .statusCode(400).body("errors[0].code", equalTo("after_to"));
    as(ALICE).queryParam("from", "2026-02-30").get("/v1/sales/{sku}", sku).then()
        .statusCode(400).body("errors[0].field", equalTo("from"));
    as(BOB).get("/v1/sales/{sku}", sku).then().statusCode(404);
    as(ALICE).queryParam("type", "NO_SUCH_TYPE").get("/v1/alerts").then().statusCode(400);
    as(ALICE).queryParam("status", "SNOOZED").get("/v1/alerts").then().statusCode(400);
    as(ALICE).get("/v1/alerts/{id}", UUID.randomUUID()).then().statusCode(404);
    as(ALICE).body("{\"safetyStock\": -1}").put("/v1/stock/{sku}/warehouses/{warehouse}/safety-stock", sku, warehouse)
        .then().statusCode(400);
    as(BOB).body("{\"safetyStock\": 1}").put("/v1/stock/{sku}/warehouses/{warehouse}/safety-stock", sku, warehouse)
        .then().statusCode(404);
  }

  @Test
  void stockHeldNinetyDaysWithoutASaleIsSlowMovingAndAnOldShareIsAgedStock_CNT3_CNT4() {
    register("seller-a", sku, warehouse);
    clock.advance(Duration.ofDays(-200));
    receive(ALICE, sku, warehouse, 100);
    clock.advance(Duration.ofDays(190));
    receive(ALICE, sku, warehouse, 900);
    clock.reset();
    sweep();
    Map<String, Object> slow = unresolved("SLOW_MOVING");
    assertThat(slow).isNotNull();
    assertThat(details(slow)).containsEntry("unitsHeld", 1000).containsEntry("slowMovingAfterDays", 90)
        .containsEntry("lastSoldOn", null);
    Map<String, Object> aged = unresolved("AGED_STOCK");
    assertThat(details(aged)).containsEntry("agedUnits", 100).containsEntry("unitsHeld", 1000)
        .containsEntry("agedSharePercent", 10.0f);

    // one sale ends "no sale for 90 days"; it ships the oldest units first, so the aged share shrinks
    sell(1);
    sweep();
    assertThat(unresolved("SLOW_MOVING")).isNull();
    assertThat(details(unresolved("AGED_STOCK"))).containsEntry("agedUnits", 99);
    sell(60);
    sweep();
    assertThat(unresolved("AGED_STOCK")).as("39 of 939 units are under 5 %").isNull();
    assertThat(alerts("AGED_STOCK")).hasSize(1).allSatisfy(alert -> assertThat(alert.get("status")).isEqualTo("RESOLVED"));
  }

  @Test
  void aSkuFlaggedForItsEditRateRaisesAnAlertForTheReviewPeriod_INV4() {
    register("seller-a", sku, warehouse);
    for (int i = 0; i < 5; i++) {
      receive(ALICE, sku, warehouse, 1);
    }
    as(ALICE).body(movement(sku, warehouse, "OUTSIDE", "SELLABLE", 1, "RECEIPT")).post("/v1/stock/movements").then()
        .statusCode(429);
    sweep();
    Map<String, Object> flagged = unresolved("EDIT_RATE_FLAGGED");
    assertThat(flagged).isNotNull();
    assertThat((String) flagged.get("summary")).contains(sku).contains("more than 5 stock edits");
    clock.advance(Duration.ofHours(25));
    sweep();
    assertThat(unresolved("EDIT_RATE_FLAGGED")).isNull();
  }

  private void reading(String sellerSku, java.time.Instant observedAt, long sellable) {
    as(SERVICE).header(SELLER_HEADER, "seller-a").body("""
            {"eventId": "%s", "warehouseId": "%s", "sellerSku": "%s", "observedAt": "%s", "kind": "SNAPSHOT",
             "snapshot": {"inTransit": 0, "qc": 0, "frozen": 0, "sellable": %d}}""".formatted(UUID.randomUUID(),
            warehouse, sellerSku, observedAt, sellable))
        .post("/internal/v1/warehouse-events").then().statusCode(200);
  }

  @Test
  void aSkuTheWarehouseStoppedReportingWhileItReportsOthersIsStale_WH2() {
    String reported = newSku();
    register("seller-a", sku, warehouse);
    register("seller-a", reported, warehouse);
    reading(sku, clock.instant().minus(Duration.ofMinutes(20)), 5);
    reading(reported, clock.instant().minus(Duration.ofMinutes(1)), 5);
    sweep();
    Map<String, Object> stale = unresolved("SKU_STALE");
    assertThat(stale).isNotNull();
    assertThat(stale.get("warehouseId")).isEqualTo(warehouse);
    assertThat(details(stale)).containsEntry("staleAfterSeconds", 900);
    assertThat(as(ALICE).queryParam("sellerSku", reported).queryParam("type", "SKU_STALE").get("/v1/alerts").then()
        .statusCode(200).extract().jsonPath().getList("items")).as("the SKU the warehouse still reports").isEmpty();

    // the whole warehouse silent is the gateway's WAREHOUSE_STALE, not one alert per SKU
    clock.advance(Duration.ofMinutes(30));
    sweep();
    assertThat(unresolved("SKU_STALE")).isNull();
    as(ALICE).get("/v1/alerts/{id}", stale.get("id")).then().statusCode(200).body("status", equalTo("RESOLVED"));
    // a reading of it again, with the warehouse reporting: nothing stale
    reading(sku, clock.instant(), 5);
    reading(reported, clock.instant(), 5);
    sweep();
    assertThat(unresolved("SKU_STALE")).isNull();
  }

  @Test
  void aCalibrationTaskIsAnAlertWhileOpenAndAnotherOnceOverdue_WH4() {
    register("seller-a", sku, warehouse);
    for (long sellable : new long[] {100, 80}) {
      as(SERVICE).header(SELLER_HEADER, "seller-a").body("""
              {"eventId": "%s", "warehouseId": "%s", "sellerSku": "%s", "observedAt": "%s", "kind": "SNAPSHOT",
               "snapshot": {"inTransit": 0, "qc": 0, "frozen": 0, "sellable": %d}}""".formatted(UUID.randomUUID(),
              warehouse, sku, clock.instant().plusSeconds(200 - sellable), sellable))
          .post("/internal/v1/warehouse-events").then().statusCode(200);
    }
    sweep();
    Map<String, Object> open = unresolved("CALIBRATION_OPEN");
    assertThat(open).isNotNull();
    String task = (String) details(open).get("calibrationId");
    assertThat(details(open)).containsEntry("unexplained", -20);

    clock.advance(Duration.ofHours(3));
    try {
      VertxContextSupport.subscribeAndAwait(() -> escalation.escalateOverdue());
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    sweep();
    assertThat(unresolved("CALIBRATION_OPEN")).isNull();
    assertThat(details(unresolved("CALIBRATION_OVERDUE"))).containsEntry("calibrationId", task);

    as(ALICE).body("{\"reason\": \"LOSS\"}").post("/v1/calibrations/{id}/resolution", task).then().statusCode(200);
    sweep();
    assertThat(unresolved("CALIBRATION_OVERDUE")).isNull();
  }

  @Test
  void twoReplicasSweepingAtOnceOpenOneAlertPerCause() throws Throwable {
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 3);
    policy(ALICE, 10, null).statusCode(200);
    for (int round = 0; round < 5; round++) {
      List<List<AlertSweep.RuleSweep>> both = VertxContextSupport.subscribeAndAwait(() -> Uni.join()
          .all(sweep.sweep(), sweep.sweep()).andFailFast());
      assertThat(both).hasSize(2);
    }
    long rows = pool.preparedQuery("select count(*) from alert where seller_id = 'seller-a' and seller_sku = $1 "
        + "and type = 'BELOW_SAFETY_STOCK'").execute(Tuple.of(sku)).await().indefinitely().iterator().next().getLong(0);
    assertThat(rows).isEqualTo(1);
  }
}
