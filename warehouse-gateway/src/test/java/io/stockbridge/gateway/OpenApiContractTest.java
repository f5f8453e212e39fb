package io.stockbridge.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.OpenApiContract;

@QuarkusTest
class OpenApiContractTest extends OpenApiContract {
  OpenApiContractTest() {
    super("warehouse-gateway");
  }

  /** A webhook warehouse. */
  @Override
  protected void ownSomething(String sellerId) {
    io.stockbridge.testing.Api.as(io.stockbridge.testing.TestTokens.seller(sellerId, "seller-admin"))
        .body("{\"code\": \"OWN-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase()
            + "\", \"name\": \"Partner\", \"country\": \"US\", \"adapter\": \"STANDARD_WEBHOOKS\", "
            + "\"apiReady\": true}")
        .post("/v1/warehouses").then().statusCode(201);
  }

  @Override
  protected java.util.Map<String, SampleBody> sampleBodies() {
    return java.util.Map.of("POST /v1/warehouses/{id}/imports", SampleBody.of("text/csv",
        "item_id,in_transit,qc,frozen,sellable\nA-1,0,0,0,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }
}
