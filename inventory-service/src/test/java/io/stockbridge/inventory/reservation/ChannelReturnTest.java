package io.stockbridge.inventory.reservation;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.levels;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.receive;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stockbridge.testing.TestTokens;

/** The channel's returns as catalog-service relays them: returned units wait in QC (STK-3). */
@QuarkusTest
class ChannelReturnTest {
  private static final String CATALOG = TestTokens.service("catalog-service");
  private static final String SELLER_HEADER = "Stockbridge-Seller-Id";

  private static String shipped(String orderId, String sku, long quantity) {
    return "{\"orderId\":\"" + orderId + "\",\"state\":\"COMMITTED\",\"channelStatus\":\"IN_TRANSIT\",\"lines\":[{"
        + "\"sellerSku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
  }

  private static String returned(String returnId, String orderId, String warehouse, String sku, long quantity) {
    return "{\"returnId\":\"" + returnId + "\",\"orderId\":\"" + orderId + "\","
        + (warehouse == null ? "" : "\"warehouseId\":\"" + warehouse + "\",")
        + "\"lines\":[{\"sellerSku\":\"" + sku + "\",\"quantity\":" + quantity + "}]}";
  }

  @Test
  void returnedUnitsEnterQcOfTheWarehouseTheOrderShippedFromOnceAndNeverSellable_STK3() {
    String warehouse = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 10);
    String order = "tts-ret-" + sku;
    as(CATALOG).header(SELLER_HEADER, "seller-a").body(shipped(order, sku, 3)).post("/internal/v1/channel-orders")
        .then().statusCode(200);
    for (int i = 0; i < 2; i++) {
      as(CATALOG).header(SELLER_HEADER, "seller-a").body(returned("r-" + sku, order, null, sku, 2))
          .post("/internal/v1/channel-returns").then().statusCode(200)
          .body("lines[0].warehouseId", equalTo(warehouse)).body("lines[0].quantity", equalTo(2));
    }
    JsonPath after = levels(ALICE, sku, warehouse);
    assertThat(after.getLong("qc")).as("booked once, into QC").isEqualTo(2);
    assertThat(after.getLong("sellable")).isEqualTo(7);
    as(ALICE).queryParam("sellerSku", sku).get("/v1/audit").then().statusCode(200)
        .body("items.findAll { it.reason == 'RETURN' }.size()", equalTo(1))
        .body("items.find { it.reason == 'RETURN' }.path", equalTo("RESERVATION POST /internal/v1/channel-returns"));
  }

  @Test
  void aReturnNamingItsWarehouseGoesThereAndAnUnknownOrderIsRefusedAsRetryable_STK3() {
    String shippedFrom = newWarehouse();
    String backTo = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, shippedFrom, backTo);
    as(CATALOG).header(SELLER_HEADER, "seller-a").body(returned("r1-" + sku, "tts-x-" + sku, backTo, sku, 1))
        .post("/internal/v1/channel-returns").then().statusCode(200);
    assertThat(levels(ALICE, sku, backTo).getLong("qc")).isEqualTo(1);

    // the order has not reached the ledger yet: the outbox keeps trying instead of parking it for good
    as(CATALOG).header(SELLER_HEADER, "seller-a").body(returned("r2-" + sku, "tts-later-" + sku, null, sku, 1))
        .post("/internal/v1/channel-returns").then().statusCode(422).contentType("application/problem+json")
        .body("code", equalTo("RETURN_WAREHOUSE_UNKNOWN")).body("retryable", equalTo(true))
        .body("errors[0].field", equalTo("lines[0].sellerSku"));
    as(CATALOG).header(SELLER_HEADER, "seller-a").body(returned("r3-" + sku, "tts-x-" + sku, backTo, "SKU-NONE", 1))
        .post("/internal/v1/channel-returns").then().statusCode(422)
        .body("code", equalTo("UNKNOWN_SKU_OR_WAREHOUSE")).body("retryable", equalTo(true));
    as(ALICE).get("/v1/stock/{sku}", sku).then().statusCode(200);
    as(ALICE).body(returned("r4-" + sku, "tts-x-" + sku, backTo, sku, 1)).post("/internal/v1/channel-returns")
        .then().statusCode(403);
  }
}
