package io.stockbridge.catalog;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.OpenApiContract;

@QuarkusTest
class OpenApiContractTest extends OpenApiContract {
  OpenApiContractTest() {
    super("catalog-service");
  }

  /** A product with a SKU. */
  @Override
  protected void ownSomething(String sellerId) {
    CatalogFixture.product(sellerId, "OWN-" + java.util.UUID.randomUUID().toString().substring(0, 8));
  }

  @Override
  protected java.util.Map<String, SampleBody> sampleBodies() {
    return java.util.Map.of(
        "PUT /v1/products/{id}", SampleBody.json("{\"titles\": {\"en\": \"Wireless earbuds\"}, \"category\": "
            + "\"Electronics/Audio\", \"skus\": [{\"sellerSku\": \"S-1\"}]}", "If-Match", "\"0\""),
        "POST /v1/products/{productId}/images", SampleBody.of("image/png", TestImages.png(300, 300, TestImages.WHITE)),
        "PUT /v1/skus/{sellerSku}/warehouse-items/{warehouseId}", SampleBody.json("{\"wmsItemId\": \"W-1\"}"),
        "PUT /v1/channel-connections/{connectionId}/warehouses/{warehouseId}",
        SampleBody.json("{\"channelWarehouseId\": \"7100000000000001\"}"));
  }
}
