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
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

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
        .post("/internal/v1/channel-orders").then().statusCode(204);
    assertThat(levels(ALICE, sku, warehouse).getLong("available")).isEqualTo(10);
  }

  private static io.restassured.response.ValidatableResponse send(String orderId, String state, String sku,
      long quantity) {
    return as(CATALOG).header(SELLER_HEADER, "seller-a").body(state(orderId, state, sku, quantity))
        .post("/internal/v1/channel-orders").then();
  }

  @Test
  void shippedBeforeTheLedgerSawTheOrderTakesTheUnitsInOneStepAndLateStatesChangeNothing_scenario2() {
    String warehouse = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 10);
    String order = "tts-fast-" + sku;
    send(order, "COMMITTED", sku, 4).statusCode(200).body("status", equalTo("COMMITTED"))
        .body("lines[0].allocations[0].warehouseId", equalTo(warehouse)).body("shortfalls", hasSize(0));
    JsonPath after = levels(ALICE, sku, warehouse);
    assertThat(after.getLong("sellable")).isEqualTo(6);
    assertThat(after.getLong("reserved")).isZero();

    // the placement and a cancellation that arrive after the shipment change nothing
    send(order, "RESERVED", sku, 4).statusCode(200).body("status", equalTo("COMMITTED"));
    send(order, "RELEASED", sku, 4).statusCode(200).body("status", equalTo("COMMITTED"));
    send(order, "COMMITTED", sku, 4).statusCode(200).body("status", equalTo("COMMITTED"));
    after = levels(ALICE, sku, warehouse);
    assertThat(after.getLong("sellable")).isEqualTo(6);
    assertThat(after.getLong("reserved")).isZero();
  }

  @Test
  void anOrderShippedWithMoreThanTheLedgerHasShipsWhatExistsAndRecordsTheShortfall_scenario2() {
    String warehouse = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 3);
    send("tts-short-" + sku, "COMMITTED", sku, 5).statusCode(200).body("status", equalTo("COMMITTED"))
        .body("lines[0].quantity", equalTo(3)).body("shortfalls[0].sellerSku", equalTo(sku))
        .body("shortfalls[0].quantity", equalTo(2)).body("shortfalls[0].lineNo", equalTo(0));
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isZero();
  }

  @Test
  void everyArrivalOrderOfPlacedCancelledAndShippedEndsInTheSameLedger_scenario2_RES2() {
    List<List<String>> orders = List.of(
        List.of("RESERVED", "RELEASED", "COMMITTED"), List.of("RESERVED", "COMMITTED", "RELEASED"),
        List.of("RELEASED", "RESERVED", "COMMITTED"), List.of("RELEASED", "COMMITTED", "RESERVED"),
        List.of("COMMITTED", "RESERVED", "RELEASED"), List.of("COMMITTED", "RELEASED", "RESERVED"));
    for (List<String> arrival : orders) {
      String warehouse = newWarehouse();
      String sku = newSku();
      register("seller-a", sku, warehouse);
      receive(ALICE, sku, warehouse, 10);
      String order = "tts-perm-" + sku;
      for (String state : arrival) {
        int status = send(order, state, sku, 4).extract().statusCode();
        assertThat(status).as(arrival + ": " + state).isIn(200, 204);
      }
      // the channel said shipped: whatever came first, four units left and nothing stays reserved
      JsonPath after = levels(ALICE, sku, warehouse);
      assertThat(after.getLong("sellable")).as(arrival.toString()).isEqualTo(6);
      assertThat(after.getLong("reserved")).as(arrival.toString()).isZero();
      send(order, "COMMITTED", sku, 4).statusCode(200).body("status", equalTo("COMMITTED"));
    }
    for (List<String> arrival : List.of(List.of("RESERVED", "RELEASED"), List.of("RELEASED", "RESERVED"))) {
      String warehouse = newWarehouse();
      String sku = newSku();
      register("seller-a", sku, warehouse);
      receive(ALICE, sku, warehouse, 10);
      for (String state : arrival) {
        send("tts-perm-" + sku, state, sku, 4).statusCode(org.hamcrest.Matchers.isOneOf(200, 204));
      }
      JsonPath after = levels(ALICE, sku, warehouse);
      assertThat(after.getLong("sellable")).as(arrival.toString()).isEqualTo(10);
      assertThat(after.getLong("reserved")).as(arrival.toString()).isZero();
    }
  }

  @Test
  void aSkuTheLedgerDoesNotKnowYetIsARetryableRefusalAndBadStatesAnswer400() {
    send("tts-early", "COMMITTED", "NOT-REGISTERED-YET", 1).statusCode(422)
        .contentType("application/problem+json").body("code", equalTo("UNKNOWN_SKU_OR_WAREHOUSE"))
        .body("retryable", equalTo(true));
    send("tts-early-2", "RESERVED", "NOT-REGISTERED-YET", 1).statusCode(422).body("retryable", equalTo(true));
    as(CATALOG).header(SELLER_HEADER, "seller-a").body(state("tts-bad", "SHIPPED", "X-1", 1))
        .post("/internal/v1/channel-orders").then().statusCode(400).contentType("application/problem+json");
    as(CATALOG).header(SELLER_HEADER, "seller-a").body("{\"orderId\":\"tts-x\",\"state\":\"RESERVED\"}")
        .post("/internal/v1/channel-orders").then().statusCode(400).body("errors[0].field", equalTo("lines"));
    as(CATALOG).header(SELLER_HEADER, "seller-a").body("{\"orderId\":\"tts-x\",\"state\":\"COMMITTED\"}")
        .post("/internal/v1/channel-orders").then().statusCode(400).body("errors[0].field", equalTo("lines"));
    as(TestTokens.seller("seller-a", "seller-admin")).header(SELLER_HEADER, "seller-a")
        .body(state("tts-y", "RESERVED", "X-1", 1)).post("/internal/v1/channel-orders").then().statusCode(403);
  }
}
