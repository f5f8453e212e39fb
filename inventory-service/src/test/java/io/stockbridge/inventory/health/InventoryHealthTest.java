package io.stockbridge.inventory.health;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.BOB;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.receive;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stockbridge.testing.SettableClock;

/**
 * Rule CNT-4: the health report per SKU and warehouse, per warehouse and for the seller: turnover days (healthy at
 * most 45), sell-through (good above 85 %), age structure (under 5 % older than 180 days), from the ledger's own
 * shipments and receipt layers; the same as CSV.
 */
@QuarkusTest
class InventoryHealthTest {
  @Inject
  SettableClock clock;

  private final String warehouse = newWarehouse();
  private final String slow = newSku();
  private final String sold = newSku();

  @AfterEach
  void realTime() {
    clock.reset();
  }

  private void sell(String sku, long quantity) {
    String reservation = as(ALICE).body("{\"orderId\": \"o-" + UUID.randomUUID() + "\", \"lines\": [{\"sellerSku\": \""
            + sku + "\", \"quantity\": " + quantity + ", \"warehouseId\": \"" + warehouse + "\"}]}")
        .post("/v1/reservations").then().statusCode(201).extract().path("id");
    as(ALICE).post("/v1/reservations/{id}/commit", reservation).then().statusCode(200);
  }

  private void stock() {
    register("seller-a", slow, warehouse);
    register("seller-a", sold, warehouse);
    clock.advance(Duration.ofDays(-200));
    receive(ALICE, slow, warehouse, 100);
    clock.advance(Duration.ofDays(100));
    receive(ALICE, slow, warehouse, 100);
    clock.reset();
    receive(ALICE, slow, warehouse, 800);
    // 90 shipped, oldest first: 10 left from 200 days ago, 100 from 100 days ago, 800 new
    sell(slow, 90);
    receive(ALICE, sold, warehouse, 10);
    sell(sold, 10);
    as(ALICE).body("{\"safetyStock\": 1000}").put("/v1/stock/{sku}/warehouses/{warehouse}/safety-stock", slow,
        warehouse).then().statusCode(200);
  }

  @Test
  void turnoverSellThroughAndAgeStructurePerSkuPerWarehouseAndForTheSeller_CNT4() {
    stock();
    JsonPath report = as(ALICE).queryParam("warehouseId", warehouse).get("/v1/reports/inventory-health").then()
        .statusCode(200).extract().jsonPath();
    assertThat(report.getList("items")).hasSize(2);
    String item = "items.find { it.sellerSku == '" + slow + "' }.";
    assertThat(report.getLong(item + "onHand")).isEqualTo(910);
    assertThat(report.getLong(item + "available")).as("all of it is safety stock").isZero();
    assertThat(report.getLong(item + "unitsSold")).isEqualTo(90);
    assertThat(report.getDouble(item + "dailySales")).isEqualTo(3.0);
    assertThat(report.getDouble(item + "turnoverDays")).isEqualTo(303.33);
    assertThat(report.getDouble(item + "daysOfCover")).isEqualTo(0.0);
    assertThat(report.getDouble(item + "sellThroughPercent")).isEqualTo(9.0);
    assertThat(report.getDouble(item + "olderThan90DaysPercent")).isEqualTo(12.09);
    assertThat(report.getDouble(item + "agedPercent")).isEqualTo(1.1);
    assertThat(report.getBoolean(item + "belowSafetyStock")).isTrue();
    assertThat(report.getBoolean(item + "staleReading")).as("no warehouse ever reported it").isTrue();
    String soldOut = "items.find { it.sellerSku == '" + sold + "' }.";
    assertThat(report.getDouble(soldOut + "sellThroughPercent")).isEqualTo(100.0);
    assertThat(report.getDouble(soldOut + "turnoverDays")).isEqualTo(0.0);

    // totals from summed units: 100 sold of 1,010 there were; 10 of 910 held are older than 180 days
    assertThat(report.getList("warehouses")).hasSize(1);
    assertThat(report.getLong("warehouses[0].items")).isEqualTo(2);
    assertThat(report.getLong("warehouses[0].unitsSold")).isEqualTo(100);
    assertThat(report.getDouble("warehouses[0].turnoverDays")).isEqualTo(273.0);
    assertThat(report.getDouble("warehouses[0].sellThroughPercent")).isEqualTo(9.9);
    assertThat(report.getBoolean("warehouses[0].turnoverHealthy")).isFalse();
    assertThat(report.getBoolean("warehouses[0].sellThroughGood")).isFalse();
    assertThat(report.getBoolean("warehouses[0].ageStructureHealthy")).isTrue();
    assertThat(report.getDouble("warehouses[0].staleReadingsPercent")).isEqualTo(100.0);
    assertThat(report.getLong("warehouses[0].belowSafetyStock")).isEqualTo(1);
    assertThat(report.getLong("seller.onHand")).isEqualTo(910);

    String csv = as(ALICE).accept("text/csv").queryParam("warehouseId", warehouse)
        .get("/v1/reports/inventory-health").then().statusCode(200).contentType("text/csv").extract().asString();
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).startsWith("scope,sellerSku,warehouseId,items,onHand");
    assertThat(lines).hasSize(5).contains("ITEM," + slow + "," + warehouse + ",1,910,0,90,3.0,0.0,303.33,9.0,12.09,1.1,"
        + "100.0,1");
    assertThat(lines.get(3)).startsWith("WAREHOUSE,," + warehouse + ",2,910,0,100,3.33,0.0,273.0,9.9,");
    assertThat(lines.get(4)).startsWith("SELLER,,,2,910,");
  }

  @Test
  void windowsAreCheckedAndAnotherSellerSeesNothingOfThis() {
    stock();
    as(ALICE).queryParam("from", "2025-01-01").queryParam("to", "2026-06-01").get("/v1/reports/inventory-health")
        .then().statusCode(400);
    as(ALICE).queryParam("from", "not-a-date").get("/v1/reports/inventory-health").then().statusCode(400);
    as(BOB).queryParam("warehouseId", warehouse).get("/v1/reports/inventory-health").then().statusCode(200)
        .body("items.size()", org.hamcrest.Matchers.equalTo(0));
    // a window before the sales: nothing sold in it, the stock as it is now
    as(ALICE).queryParam("warehouseId", warehouse).queryParam("from", "2025-01-01").queryParam("to", "2025-01-31")
        .get("/v1/reports/inventory-health").then().statusCode(200)
        .body("warehouses[0].unitsSold", org.hamcrest.Matchers.equalTo(0))
        .body("warehouses[0].onHand", org.hamcrest.Matchers.equalTo(910));
  }
}
