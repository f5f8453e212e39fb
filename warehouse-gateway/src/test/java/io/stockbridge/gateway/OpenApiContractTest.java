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
}
