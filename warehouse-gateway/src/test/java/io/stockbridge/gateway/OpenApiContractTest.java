package io.stockbridge.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.OpenApiContract;

@QuarkusTest
class OpenApiContractTest extends OpenApiContract {
  OpenApiContractTest() {
    super("warehouse-gateway");
  }

  /** A warehouse without an API, and an event of it (a CSV import's row). */
  @Override
  protected java.util.Map<String, String> ownSomething(String sellerId) {
    String token = io.stockbridge.testing.TestTokens.seller(sellerId, "seller-admin");
    String warehouse = io.stockbridge.testing.Api.as(token)
        .body("{\"code\": \"OWN-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase()
            + "\", \"name\": \"Partner\", \"country\": \"US\", \"adapter\": \"CSV\", "
            + "\"apiReady\": false}")
        .post("/v1/warehouses").then().statusCode(201).extract().path("id");
    io.stockbridge.testing.Api.as(token).contentType("text/csv")
        .body("item_id,in_transit,qc,frozen,sellable\nA-1,0,0,0,1\n").post("/v1/warehouses/{id}/imports", warehouse)
        .then().statusCode(202);
    String event = io.stockbridge.testing.Api.as(token).get("/v1/warehouses/{id}/events", warehouse).then()
        .statusCode(200).extract().path("items[0].id");
    return java.util.Map.of("warehouses.id", warehouse, "eventId", event);
  }

  @Override
  protected java.util.Map<String, SampleBody> sampleBodies() {
    return java.util.Map.of("POST /v1/warehouses/{id}/imports", SampleBody.of("text/csv",
        "item_id,in_transit,qc,frozen,sellable\nA-1,0,0,0,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        "PUT /v1/warehouses/{id}/count-requests",
        SampleBody.json("{\"countRequestUrl\": \"https://wms.example.com/stockbridge/counts\"}"));
  }
}
