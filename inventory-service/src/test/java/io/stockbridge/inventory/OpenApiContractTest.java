package io.stockbridge.inventory;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.OpenApiContract;

@QuarkusTest
class OpenApiContractTest extends OpenApiContract {
  OpenApiContractTest() {
    super("inventory-service");
  }

  /** A SKU with stock in a warehouse. */
  @Override
  protected void ownSomething(String sellerId) {
    String sku = StockFixture.newSku();
    String warehouse = StockFixture.newWarehouse();
    StockFixture.register(sellerId, sku, warehouse);
    StockFixture.receive(io.stockbridge.testing.TestTokens.seller(sellerId, "seller-admin"), sku, warehouse, 3);
  }

  @Override
  protected java.util.Map<String, SampleBody> sampleBodies() {
    return java.util.Map.of(
        "PUT /v1/skus/{sellerSku}/ownership", SampleBody.json("{\"mode\": \"MANUAL\"}"),
        "PUT /v1/stock/{sellerSku}/warehouses/{warehouseId}",
        SampleBody.json("{\"sellable\": 5, \"reason\": \"counted\"}", "If-Match", "\"1\""));
  }
}
