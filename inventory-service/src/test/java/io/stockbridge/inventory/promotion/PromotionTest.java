package io.stockbridge.inventory.promotion;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.BOB;
import static io.stockbridge.inventory.StockFixture.levels;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.receive;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.stockbridge.testing.TestTokens;

/**
 * A seller protects a flash sale: while a promotion runs, its SKUs' stock may not be edited by hand (INV-1).
 */
@QuarkusTest
class PromotionTest {
  private static final String OLIVIA = TestTokens.seller("seller-a", "seller-operator");
  private static final String ERP_A = TestTokens.integration("seller-a", "erp-a");

  private static String promotion(String name, List<String> skus, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    return "{\"name\":\"" + name + "\",\"sellerSkus\":[\"" + String.join("\",\"", skus) + "\"],\"startsAt\":\""
        + startsAt + "\",\"endsAt\":\"" + endsAt + "\"}";
  }

  private static String create(String name, List<String> skus, OffsetDateTime startsAt, OffsetDateTime endsAt) {
    return as(ALICE).body(promotion(name, skus, startsAt, endsAt)).post("/v1/promotions").then().statusCode(201)
        .extract().path("id");
  }

  private static ValidatableResponse edit(String sku, String warehouse, long sellable) {
    long version = levels(ALICE, sku, warehouse).getLong("version");
    return as(OLIVIA).header("If-Match", "\"" + version + "\"")
        .body("{\"sellable\": " + sellable + ", \"reason\": \"count correction\"}")
        .put("/v1/stock/{sku}/warehouses/{warehouse}", sku, warehouse).then();
  }

  private static String stockedSku(String warehouse) {
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 10);
    return sku;
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC);
  }

  @Test
  void aRunningPromotionLocksHandEditsOfItsSkusUntilItEnds_INV1() {
    String warehouse = newWarehouse();
    String sku = stockedSku(warehouse);
    String other = stockedSku(warehouse);
    OffsetDateTime endsAt = now().plusSeconds(8);
    String id = create("Double 12 flash sale", List.of(sku), now().minusSeconds(1), endsAt);
    as(OLIVIA).get("/v1/promotions/{id}", id).then().statusCode(200).body("status", equalTo("RUNNING"))
        .body("sellerSkus", equalTo(List.of(sku))).body("createdBy", equalTo("user-of-seller-a"));

    edit(sku, warehouse, 4).statusCode(409).contentType("application/problem+json")
        .body("code", equalTo("SKU_LOCKED_BY_PROMOTION")).body("lock", equalTo("promotion"))
        .body("detail", containsString("Double 12 flash sale"));
    edit(other, warehouse, 4).statusCode(200);
    // the promotion protects the sale from people, not from the stock's owning integration or the warehouse
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isEqualTo(10);

    // the window ends by itself: nothing lifts the lock but the clock
    org.awaitility.Awaitility.await().atMost(java.time.Duration.between(now(), endsAt).plusSeconds(5))
        .untilAsserted(() -> as(OLIVIA).get("/v1/promotions/{id}", id).then().body("status", equalTo("ENDED")));
    edit(sku, warehouse, 4).statusCode(200);
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isEqualTo(4);
  }

  @Test
  void overlappingPromotionsStackAndTheLockHoldsUntilTheLastEnds_INV1() {
    String warehouse = newWarehouse();
    String sku = stockedSku(warehouse);
    String first = create("Weekend sale", List.of(sku), now().minusMinutes(1), now().plusHours(1));
    OffsetDateTime lastEnd = now().plusHours(3).withNano(0);
    String second = create("Live stream", List.of(sku), now().minusMinutes(1), lastEnd);
    edit(sku, warehouse, 4).statusCode(409).body("lockedUntil", equalTo(lastEnd.toString()));

    as(ALICE).delete("/v1/promotions/{id}", second).then().statusCode(200).body("status", equalTo("CANCELLED"))
        .body("cancelledBy", equalTo("user-of-seller-a"));
    edit(sku, warehouse, 4).statusCode(409).body("code", equalTo("SKU_LOCKED_BY_PROMOTION"));
    as(ALICE).delete("/v1/promotions/{id}", first).then().statusCode(200);
    as(ALICE).delete("/v1/promotions/{id}", first).then().statusCode(200).body("status", equalTo("CANCELLED"));
    edit(sku, warehouse, 4).statusCode(200);
  }

  @Test
  void aScheduledPromotionLocksNothingYetAndIsListedByStatusAndSku_INV1() {
    String warehouse = newWarehouse();
    String sku = stockedSku(warehouse);
    String id = create("Next week", List.of(sku), now().plusDays(7), now().plusDays(8));
    edit(sku, warehouse, 4).statusCode(200);
    as(OLIVIA).queryParam("sellerSku", sku).queryParam("status", "SCHEDULED").get("/v1/promotions").then()
        .statusCode(200).body("items.id", equalTo(List.of(id)));
    as(OLIVIA).queryParam("sellerSku", sku).queryParam("status", "RUNNING").get("/v1/promotions").then()
        .statusCode(200).body("items.size()", equalTo(0));
  }

  @Test
  void aRepeatWithTheSameIdempotencyKeyCreatesOnePromotion() {
    String sku = stockedSku(newWarehouse());
    String key = UUID.randomUUID().toString();
    String body = promotion("Retry", List.of(sku), now().plusDays(1), now().plusDays(2));
    String id = as(ERP_A).header("Idempotency-Key", key).body(body).post("/v1/promotions").then().statusCode(201)
        .header("Idempotent-Replayed", "false").extract().path("id");
    as(ERP_A).header("Idempotency-Key", key).body(body).post("/v1/promotions").then().statusCode(201)
        .header("Idempotent-Replayed", "true").body("id", equalTo(id));
    as(ALICE).queryParam("sellerSku", sku).get("/v1/promotions").then().body("items.size()", equalTo(1));
  }

  @Test
  void aWindowInThePastOrBackwardsAnswers400AndUnknownSkus422() {
    String sku = stockedSku(newWarehouse());
    as(ALICE).body(promotion("Over", List.of(sku), now().minusDays(2), now().minusDays(1))).post("/v1/promotions")
        .then().statusCode(400).contentType("application/problem+json")
        .body("errors[0].field", equalTo("endsAt")).body("errors[0].code", equalTo("in_the_past"));
    as(ALICE).body(promotion("Backwards", List.of(sku), now().plusDays(2), now().plusDays(1))).post("/v1/promotions")
        .then().statusCode(400).body("errors[0].code", equalTo("not_after_start"));
    as(ALICE).body(promotion("Forever", List.of(sku), now(), now().plusDays(400))).post("/v1/promotions")
        .then().statusCode(400).body("errors[0].code", equalTo("too_long"));
    as(ALICE).body(promotion("Typo", List.of(sku, "SKU-NOT-MINE"), now(), now().plusDays(1))).post("/v1/promotions")
        .then().statusCode(422).body("code", equalTo("UNKNOWN_SKUS")).body("errors.field", hasItem("sellerSkus[1]"));
    as(ALICE).queryParam("sellerSku", sku).get("/v1/promotions").then().body("items.size()", equalTo(0));
    as(ALICE).body("{\"name\":\"x\",\"sellerSkus\":[],\"startsAt\":\"" + now() + "\",\"endsAt\":\""
        + now().plusDays(1) + "\"}").post("/v1/promotions").then().statusCode(400)
        .body("errors[0].field", equalTo("sellerSkus"));
  }

  @Test
  void anotherSellersPromotionIsNotFoundAndOperatorsMayNotCreate() {
    String sku = stockedSku(newWarehouse());
    String id = create("Mine", List.of(sku), now().plusDays(1), now().plusDays(2));
    as(BOB).get("/v1/promotions/{id}", id).then().statusCode(404);
    as(BOB).delete("/v1/promotions/{id}", id).then().statusCode(404);
    as(ALICE).get("/v1/promotions/{id}", id).then().body("status", equalTo("SCHEDULED"));
    as(OLIVIA).body(promotion("No", List.of(sku), now().plusDays(1), now().plusDays(2))).post("/v1/promotions")
        .then().statusCode(403);
  }
}
