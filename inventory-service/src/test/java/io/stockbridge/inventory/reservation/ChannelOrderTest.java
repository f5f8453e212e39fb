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

/** The channel's order statuses as catalog-service relays them: placed reserves, cancelled releases, shipped commits. */
@QuarkusTest
class ChannelOrderTest {
  private static final String CATALOG = TestTokens.service("catalog-service");
  private static final String SELLER_HEADER = "Stockbridge-Seller-Id";

  private static String state(String orderId, String state, String sku, long quantity) {
    return "{\"orderId\":\"" + orderId + "\",\"state\":\"" + state + "\",\"channelStatus\":\"X\",\"lines\":[{\"sellerSku\":\""
        + sku + "\",\"quantity\":" + quantity + "}]}";
  }

  @Test
  void placedThenShippedReservesOnceAndCommits_RES1_RES2() {
    String warehouse = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 10);
    for (int i = 0; i < 2; i++) {
      as(CATALOG).header(SELLER_HEADER, "seller-a").body(state("tts-1-" + sku, "RESERVED", sku, 4))
          .post("/internal/v1/channel-orders").then().statusCode(200).body("status", equalTo("ACTIVE"));
    }
    assertThat(levels(ALICE, sku, warehouse).getLong("reserved")).isEqualTo(4);
    as(CATALOG).header(SELLER_HEADER, "seller-a").body(state("tts-1-" + sku, "COMMITTED", sku, 4))
        .post("/internal/v1/channel-orders").then().statusCode(200).body("status", equalTo("COMMITTED"));
    JsonPath after = levels(ALICE, sku, warehouse);
    assertThat(after.getLong("reserved")).isZero();
    assertThat(after.getLong("sellable")).isEqualTo(6);
  }

  @Test
  void cancelledReleasesAndACancellationBeforeTheOrderKeepsItFromReserving_RES2() {
    String warehouse = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 10);
    as(CATALOG).header(SELLER_HEADER, "seller-a").body(state("tts-2-" + sku, "RESERVED", sku, 3))
        .post("/internal/v1/channel-orders").then().statusCode(200);
    for (int i = 0; i < 2; i++) {
      as(CATALOG).header(SELLER_HEADER, "seller-a").body(state("tts-2-" + sku, "RELEASED", sku, 3))
          .post("/internal/v1/channel-orders").then().statusCode(200).body("status", equalTo("RELEASED"));
    }
    assertThat(levels(ALICE, sku, warehouse).getLong("available")).isEqualTo(10);

    // delivered out of order: the cancellation first, then the placement, which must take nothing
    as(CATALOG).header(SELLER_HEADER, "seller-a").body(state("tts-3-" + sku, "RELEASED", sku, 2))
        .post("/internal/v1/channel-orders").then().statusCode(204);
    as(CATALOG).header(SELLER_HEADER, "seller-a").body(state("tts-3-" + sku, "RESERVED", sku, 2))
        .post("/internal/v1/channel-orders").then().statusCode(409).body("code", equalTo("ORDER_ID_REUSED"));
    assertThat(levels(ALICE, sku, warehouse).getLong("available")).isEqualTo(10);
  }

  @Test
  void shippingAnOrderNeverPlacedAnswers404AndBadStatesAnswer400() {
    as(CATALOG).header(SELLER_HEADER, "seller-a").body(state("tts-none", "COMMITTED", "X-1", 1))
        .post("/internal/v1/channel-orders").then().statusCode(404).contentType("application/problem+json");
    as(CATALOG).header(SELLER_HEADER, "seller-a").body(state("tts-bad", "SHIPPED", "X-1", 1))
        .post("/internal/v1/channel-orders").then().statusCode(400).contentType("application/problem+json");
    as(CATALOG).header(SELLER_HEADER, "seller-a").body("{\"orderId\":\"tts-x\",\"state\":\"RESERVED\"}")
        .post("/internal/v1/channel-orders").then().statusCode(400).body("errors[0].field", equalTo("lines"));
    as(TestTokens.seller("seller-a", "seller-admin")).header(SELLER_HEADER, "seller-a")
        .body(state("tts-y", "RESERVED", "X-1", 1)).post("/internal/v1/channel-orders").then().statusCode(403);
  }
}
