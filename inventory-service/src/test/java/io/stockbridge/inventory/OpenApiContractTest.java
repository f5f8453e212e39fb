package io.stockbridge.inventory;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.OpenApiContract;

@QuarkusTest
class OpenApiContractTest extends OpenApiContract {
  OpenApiContractTest() {
    super("inventory-service");
  }

  /** A SKU with stock in a warehouse, its ownership assigned, and an order's reservation of some of it. */
  @Override
  protected java.util.Map<String, String> ownSomething(String sellerId) {
    String sku = StockFixture.newSku();
    String warehouse = StockFixture.newWarehouse();
    StockFixture.register(sellerId, sku, warehouse);
    String token = io.stockbridge.testing.TestTokens.seller(sellerId, "seller-admin");
    StockFixture.receive(token, sku, warehouse, 3);
    io.stockbridge.testing.Api.as(token).body("{\"mode\": \"MANUAL\"}").put("/v1/skus/{sku}/ownership", sku).then()
        .statusCode(200);
    String reservation = io.stockbridge.testing.Api.as(token).body("{\"orderId\": \"o-" + sku
            + "\", \"lines\": [{\"sellerSku\": \"" + sku + "\", \"quantity\": 1}]}")
        .post("/v1/reservations").then().statusCode(201).extract().path("id");
    return java.util.Map.of("sellerSku", sku, "warehouseId", warehouse, "reservations.id", reservation);
  }

  @Override
  protected java.util.Map<String, SampleBody> sampleBodies() {
    return java.util.Map.of(
        "PUT /v1/skus/{sellerSku}/ownership", SampleBody.json("{\"mode\": \"MANUAL\"}"),
        "PUT /v1/stock/{sellerSku}/warehouses/{warehouseId}",
        SampleBody.json("{\"sellable\": 5, \"reason\": \"counted\"}", "If-Match", "\"1\""));
  }
}
