package io.stockbridge.inventory.stock;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.movement;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StockAgeTest {

  @Test
  void unitsLeavingTheWarehouseConsumeTheOldestReceiptFirst_STK4() {
    String sku = newSku();
    String warehouse = newWarehouse();
    register("seller-a", sku, warehouse);
    as(ALICE).body(movement(sku, warehouse, "OUTSIDE", "SELLABLE", 5, "RECEIPT")).post("/v1/stock/movements")
        .then().statusCode(200);
    as(ALICE).body(movement(sku, warehouse, "OUTSIDE", "IN_TRANSIT", 3, "RECEIPT")).post("/v1/stock/movements")
        .then().statusCode(200);
    // in transit is not on hand: no layer until the units arrive
    as(ALICE).get("/v1/stock/{sku}/age", sku).then().statusCode(200)
        .body("warehouses[0].layers.units", contains(5));
    as(ALICE).body(movement(sku, warehouse, "IN_TRANSIT", "QC", 3, "ARRIVED")).post("/v1/stock/movements")
        .then().statusCode(200);
    // moving inside the warehouse keeps the units' age
    as(ALICE).body(movement(sku, warehouse, "QC", "SELLABLE", 3, "INSPECTION_PASSED")).post("/v1/stock/movements")
        .then().statusCode(200);
    as(ALICE).get("/v1/stock/{sku}/age", sku).then().statusCode(200)
        .body("warehouses[0].units", equalTo(8))
        .body("warehouses[0].layers.units", contains(5, 3));
    // an order ships 6: the whole first receipt and 1 of the second
    String id = as(ALICE).body("{\"orderId\": \"age-" + sku + "\", \"lines\": [{\"sellerSku\": \"" + sku + "\", \"quantity\": 6}]}")
        .post("/v1/reservations").then().statusCode(201).extract().path("id");
    as(ALICE).post("/v1/reservations/{id}/commit", id).then().statusCode(200);
    as(ALICE).get("/v1/stock/{sku}/age", sku).then().statusCode(200)
        .body("agedAfterDays", equalTo(180))
        .body("warehouses[0].units", equalTo(2))
        .body("warehouses[0].layers", hasSize(1))
        .body("warehouses[0].layers[0].units", equalTo(2))
        .body("warehouses[0].agedShare", equalTo(0.0f));
  }
}
