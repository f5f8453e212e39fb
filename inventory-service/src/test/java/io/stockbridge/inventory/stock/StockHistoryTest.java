package io.stockbridge.inventory.stock;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.movement;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.receive;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.SettableClock;

@QuarkusTest
class StockHistoryTest {
  @Inject
  SettableClock clock;

  @AfterEach
  void resetTheClock() {
    clock.reset();
  }

  @Test
  void eachDayClosesWithTheFigureItsLastChangeLeftSummedOverWarehousesAndTodayIsTheBalance_INV5() {
    String sku = newSku();
    String east = newWarehouse();
    String west = newWarehouse();
    register("seller-a", sku, east, west);
    // four days ago: 10 received in the east; two days ago: 5 more there in the morning, 3 leave in the evening,
    // and 7 arrive in the west; today nothing changes
    clock.advance(Duration.ofDays(-4));
    receive(ALICE, sku, east, 10);
    clock.advance(Duration.ofDays(2));
    receive(ALICE, sku, east, 5);
    as(ALICE).body(movement(sku, east, "SELLABLE", "OUTSIDE", 3, "SHIPMENT")).post("/v1/stock/movements").then()
        .statusCode(200);
    receive(ALICE, sku, west, 7);
    clock.reset();

    as(ALICE).queryParam("days", 6).get("/v1/stock/{sku}/history", sku).then().statusCode(200)
        .body("sellerSku", equalTo(sku))
        .body("days", hasSize(6))
        .body("days.available", contains(0, 10, 10, 19, 19, 19));
    as(ALICE).queryParam("days", 3).queryParam("warehouseId", west).get("/v1/stock/{sku}/history", sku).then()
        .statusCode(200).body("warehouseId", equalTo(west)).body("days.available", contains(7, 7, 7));
  }

  @Test
  void anUnknownSkuIsNotFoundAndTheWindowIsBounded() {
    as(ALICE).get("/v1/stock/{sku}/history", "NO-SUCH-SKU").then().statusCode(404);
    as(ALICE).queryParam("days", 367).get("/v1/stock/{sku}/history", newSku()).then().statusCode(400);
  }
}
