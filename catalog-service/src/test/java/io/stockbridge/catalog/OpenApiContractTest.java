package io.stockbridge.catalog;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.OpenApiContract;

@QuarkusTest
class OpenApiContractTest extends OpenApiContract {
  OpenApiContractTest() {
    super("catalog-service");
  }

  /**
   * A product with a SKU and an image, the SKU mapped to a warehouse's item, the channel's sandbox shop connected
   * with that warehouse mapped to the channel's, and a draft listing of the product.
   */
  @Override
  protected java.util.Map<String, String> ownSomething(String sellerId) {
    String token = io.stockbridge.testing.TestTokens.seller(sellerId, "seller-admin");
    String sku = "OWN-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    String warehouse = "WH-" + sku;
    String product = io.stockbridge.testing.Api.as(token).body("{\"titles\": {\"en\": \"Stainless steel bottle\"}, "
            + "\"category\": \"Home/Kitchen\", \"skus\": [{\"sellerSku\": \"" + sku + "\"}]}")
        .post("/v1/products").then().statusCode(201).extract().path("id");
    String image = io.stockbridge.testing.Api.as(token).contentType("image/png")
        .body(TestImages.png(300, 300, TestImages.WHITE)).post("/v1/products/{id}/images", product).then()
        .statusCode(201).extract().path("id");
    io.stockbridge.testing.Api.as(token).body("{\"wmsItemId\": \"W-" + sku + "\"}")
        .put("/v1/skus/{sku}/warehouse-items/{warehouse}", sku, warehouse).then().statusCode(200);
    String connection;
    try {
      connection = SandboxConsent.connect(token);
    } catch (Exception e) {
      throw new IllegalStateException("the sandbox shop could not be connected", e);
    }
    io.stockbridge.testing.Api.as(token).body("{\"channelWarehouseId\": \"7100000000000001\"}")
        .put("/v1/channel-connections/{id}/warehouses/{warehouse}", connection, warehouse).then().statusCode(200);
    String listing = io.stockbridge.testing.Api.as(token).body("{\"productId\": \"" + product
            + "\", \"connectionId\": \"" + connection + "\", \"market\": \"US\"}")
        .post("/v1/listings").then().statusCode(201).extract().path("id");
    return java.util.Map.of("products.id", product, "productId", product, "imageId", image, "sellerSku", sku,
        "warehouseId", warehouse, "channel-connections.id", connection, "connectionId", connection,
        "listings.id", listing);
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
