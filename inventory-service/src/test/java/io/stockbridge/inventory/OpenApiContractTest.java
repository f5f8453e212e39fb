package io.stockbridge.inventory;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.OpenApiContract;

@QuarkusTest
class OpenApiContractTest extends OpenApiContract {
  OpenApiContractTest() {
    super("inventory-service");
  }

  /**
   * A SKU with stock in a warehouse, its ownership assigned, an order's reservation of some of it, and a calibration
   * task opened by a warehouse reading far above the ledger (and its alert), a count plan and a count, and a webhook
   * subscription with the delivery of the stock change.
   */
  @Override
  protected java.util.Map<String, String> ownSomething(String sellerId) {
    String sku = StockFixture.newSku();
    String warehouse = StockFixture.newWarehouse();
    StockFixture.register(sellerId, sku, warehouse);
    String token = io.stockbridge.testing.TestTokens.seller(sellerId, "seller-admin");
    String subscription = io.stockbridge.testing.Api.as(token).body(java.util.Map.of("url",
            "http://127.0.0.1:9/hooks", "events", java.util.List.of("stock.available_changed")))
        .post("/v1/webhook-subscriptions").then().statusCode(201).extract().path("id");
    StockFixture.receive(token, sku, warehouse, 3);
    String delivery = io.stockbridge.testing.Api.as(token).get("/v1/webhook-subscriptions/{id}/deliveries",
        subscription).then().statusCode(200).extract().path("items[0].id");
    io.stockbridge.testing.Api.as(token).body("{\"mode\": \"MANUAL\"}").put("/v1/skus/{sku}/ownership", sku).then()
        .statusCode(200);
    String reservation = io.stockbridge.testing.Api.as(token).body("{\"orderId\": \"o-" + sku
            + "\", \"lines\": [{\"sellerSku\": \"" + sku + "\", \"quantity\": 1}]}")
        .post("/v1/reservations").then().statusCode(201).extract().path("id");
    for (int sellable : new int[] {3, 30}) {
      io.stockbridge.testing.Api.as(StockFixture.SERVICE).header(StockFixture.SELLER_HEADER, sellerId).body("""
              {"eventId": "%s", "warehouseId": "%s", "sellerSku": "%s", "observedAt": "%s", "kind": "SNAPSHOT",
               "snapshot": {"inTransit": 0, "qc": 0, "frozen": 0, "sellable": %d}}""".formatted(
              java.util.UUID.randomUUID(), warehouse, sku, java.time.Instant.now().plusSeconds(sellable), sellable))
          .post("/internal/v1/warehouse-events").then().statusCode(200);
    }
    String promotion = io.stockbridge.testing.Api.as(token).body("{\"name\": \"later\", \"sellerSkus\": [\"" + sku
        + "\"], \"startsAt\": \"2099-01-01T00:00:00Z\", \"endsAt\": \"2099-01-02T00:00:00Z\"}")
        .post("/v1/promotions").then().statusCode(201).extract().path("id");
    String calibration = io.stockbridge.testing.Api.as(token).queryParam("sellerSku", sku).get("/v1/calibrations")
        .then().statusCode(200).extract().path("items[0].id");
    String plan = io.stockbridge.testing.Api.as(token).body("{\"warehouseId\": \"" + warehouse
        + "\", \"kind\": \"CYCLE\"}").post("/v1/count-plans").then().statusCode(201).extract().path("id");
    String count = io.stockbridge.testing.Api.as(token).body("{\"warehouseId\": \"" + warehouse
        + "\", \"sellerSkus\": [\"" + sku + "\"]}").post("/v1/counts").then().statusCode(201).extract().path("id");
    try {
      io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> io.quarkus.arc.Arc.container()
          .instance(io.stockbridge.inventory.alert.service.AlertSweep.class).get().sweep());
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
    String alert = io.stockbridge.testing.Api.as(token).queryParam("sellerSku", sku).queryParam("type",
        "CALIBRATION_OPEN").get("/v1/alerts").then().statusCode(200).extract().path("items[0].id");
    return java.util.Map.of("sellerSku", sku, "warehouseId", warehouse, "reservations.id", reservation,
        "calibrations.id", calibration, "count-plans.id", plan, "counts.id", count, "alerts.id", alert,
        "webhook-subscriptions.id", subscription, "deliveryId", delivery, "promotions.id", promotion);
  }

  @Override
  protected java.util.Map<String, SampleBody> sampleBodies() {
    return java.util.Map.of(
        "PUT /v1/skus/{sellerSku}/ownership", SampleBody.json("{\"mode\": \"MANUAL\"}"),
        "PUT /v1/stock/{sellerSku}/warehouses/{warehouseId}/safety-stock", SampleBody.json("{\"safetyStock\": 1}"),
        "POST /v1/alerts/{id}/acknowledgement", SampleBody.json("{\"note\": \"seen\"}"),
        "POST /v1/calibrations/{id}/resolution", SampleBody.json("{\"reason\": \"COUNT_CONFIRMED\"}"),
        "POST /v1/counts/{id}/results", SampleBody.json("{\"lines\": [{\"sellerSku\": \"ANY\", \"counted\": 1}]}"),
        "PUT /v1/stock/{sellerSku}/warehouses/{warehouseId}",
        SampleBody.json("{\"sellable\": 5, \"reason\": \"counted\"}", "If-Match", "\"1\""));
  }
}
