package io.stockbridge.catalog.channelstock;

import static io.stockbridge.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.catalog.CatalogFixture;
import io.stockbridge.testing.TestTokens;

@QuarkusTest
class ChannelStockResourceTest {
  private static final String INVENTORY = TestTokens.service("inventory-service");

  private static String report(String sku, String warehouse, long available, long version) {
    return "{\"sellerSku\":\"" + sku + "\",\"warehouseId\":\"" + warehouse + "\",\"available\":" + available
        + ",\"sellable\":" + (available + 1) + ",\"reserved\":1,\"version\":" + version
        + ",\"changedAt\":\"2026-11-22T10:00:00Z\"}";
  }

  private static void send(String seller, String body, String applied) {
    as(INVENTORY).header("Stockbridge-Seller-Id", seller).body(body).post("/internal/v1/channel-stock").then()
        .statusCode(200).header("Stockbridge-Applied", applied);
  }

  @Test
  void theNewestVersionWinsWhateverTheOrderOfArrival() {
    String sku = "CS-" + UUID.randomUUID().toString().substring(0, 8);
    String seller = "seller-" + UUID.randomUUID();
    CatalogFixture.product(seller, sku);
    send(seller, report(sku, "WH-1", 40, 7), "true");
    send(seller, report(sku, "WH-1", 55, 5), "false"); // an older report arriving late
    send(seller, report(sku, "WH-1", 40, 7), "false"); // a repeat
    send(seller, report(sku, "WH-2", 12, 1), "true");
    as(TestTokens.seller(seller, "seller-operator")).get("/v1/skus/{sku}/channel-stock", sku).then().statusCode(200)
        .body("available", equalTo(52)).body("warehouses.warehouseId", contains("WH-1", "WH-2"))
        .body("warehouses.available", contains(40, 12)).body("warehouses.version", contains(7, 1));
    // a SKU another seller has, or nobody has, is not found (scenario 5), not an empty answer
    as(TestTokens.seller("seller-" + UUID.randomUUID(), "seller-admin")).get("/v1/skus/{sku}/channel-stock", sku)
        .then().statusCode(404).contentType("application/problem+json");
    as(TestTokens.seller(seller, "seller-admin")).get("/v1/skus/{sku}/channel-stock", "NO-SUCH-" + sku)
        .then().statusCode(404);
  }

  @Test
  void onlyServiceAccountsReportAndBadReportsAre400() {
    as(TestTokens.seller("seller-a", "seller-admin")).body(report("X", "W", 1, 1)).post("/internal/v1/channel-stock")
        .then().statusCode(403);
    as(INVENTORY).header("Stockbridge-Seller-Id", "seller-a").body(report("X", "W", -1, 1))
        .post("/internal/v1/channel-stock").then().statusCode(400).contentType("application/problem+json")
        .body("errors[0].field", equalTo("available"));
  }

  @Test
  void aBatchIsRecordedInTheOrderSentEachEventAnsweredAlone() {
    String sku = "CB-" + UUID.randomUUID().toString().substring(0, 8);
    String seller = "seller-" + UUID.randomUUID();
    String other = "seller-" + UUID.randomUUID();
    CatalogFixture.product(seller, sku);
    CatalogFixture.product(other, sku);
    String batch = "{\"events\": ["
        + "{\"eventId\": \"e1\", \"sellerId\": \"" + seller + "\", \"payload\": " + report(sku, "WH-1", 40, 7) + "},"
        + "{\"eventId\": \"e2\", \"sellerId\": \"" + seller + "\", \"payload\": " + report(sku, "WH-1", -3, 8) + "},"
        + "{\"eventId\": \"e3\", \"sellerId\": \"" + seller + "\", \"payload\": " + report(sku, "WH-1", 55, 5) + "},"
        + "{\"eventId\": \"e4\", \"payload\": " + report(sku, "WH-1", 1, 9) + "},"
        + "{\"eventId\": \"e5\", \"sellerId\": \"" + other + "\", \"payload\": " + report(sku, "WH-1", 3, 1) + "}]}";
    as(INVENTORY).body(batch).post("/internal/v1/channel-stock/batch").then().statusCode(200)
        .body("results.eventId", contains("e1", "e2", "e3", "e4", "e5"))
        // the malformed report and the one without a seller are refused alone; the older one (e3) changes nothing
        .body("results.status", contains(200, 400, 200, 400, 200))
        .body("results[1].detail", equalTo("available must be greater than or equal to 0; "
            + "sellable must be greater than or equal to 0"));
    as(TestTokens.seller(seller, "seller-operator")).get("/v1/skus/{sku}/channel-stock", sku).then().statusCode(200)
        .body("available", equalTo(40)).body("warehouses.version", contains(7));
    // each event belongs to the seller it names
    as(TestTokens.seller(other, "seller-operator")).get("/v1/skus/{sku}/channel-stock", sku).then().statusCode(200)
        .body("available", equalTo(3));
    as(TestTokens.seller("seller-a", "seller-admin")).body(batch).post("/internal/v1/channel-stock/batch")
        .then().statusCode(403);
    as(INVENTORY).body("{\"events\": []}").post("/internal/v1/channel-stock/batch").then().statusCode(400)
        .contentType("application/problem+json");
  }
}
