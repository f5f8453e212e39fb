package io.stockbridge.inventory.ownership;

import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stockbridge.inventory.StockFixture;
import io.stockbridge.testing.TestTokens;

/**
 * A seller switching ERP moves every SKU's ownership in one request (CH-2), with the one-SKU rules (INV-2, INV-6).
 */
@QuarkusTest
class OwnershipSwitchTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");
  private static final String OLIVIA = TestTokens.seller("seller-a", "seller-operator");

  private static String skuOf(String seller) {
    String sku = StockFixture.newSku();
    StockFixture.register(seller, sku);
    return sku;
  }

  private static String body(List<String> skus, String mode, String integration) {
    String list = String.join("\",\"", skus);
    return "{\"sellerSkus\":[\"" + list + "\"],\"mode\":\"" + mode + "\""
        + (integration == null ? "" : ",\"integrationId\":\"" + integration + "\"") + "}";
  }

  private static void own(String token, String sku, String integration) {
    as(token).body("{\"mode\":\"EXTERNAL\",\"integrationId\":\"" + integration + "\"}")
        .put("/v1/skus/{sku}/ownership", sku).then().statusCode(200);
  }

  @Test
  void oneRequestHandsEveryNamedSkuToTheNewErpAndLogsEachChange_CH2() {
    String a = skuOf("seller-a");
    String b = skuOf("seller-a");
    String fresh = skuOf("seller-a");
    own(ALICE, a, "erp-old");
    own(ALICE, b, "erp-old");
    OffsetDateTime before = OffsetDateTime.now();

    JsonPath result = as(ALICE).body(body(List.of(a, b, fresh), "EXTERNAL", "erp-new"))
        .put("/v1/skus/ownership").then().statusCode(200)
        .body("changed", equalTo(3)).body("unchanged", equalTo(0)).body("integrationId", equalTo("erp-new"))
        .extract().jsonPath();
    String switchId = result.getString("switchId");
    assertThat(switchId).isNotNull();
    // INV-6: the channel still acts on the old ERP for its cache window; a SKU's first owner governs at once
    assertThat(Duration.between(before, OffsetDateTime.parse(result.getString("effectiveAt"))))
        .isBetween(Duration.ofMinutes(14), Duration.ofMinutes(16));
    as(ALICE).get("/v1/skus/{sku}/ownership", a).then().statusCode(200)
        .body("integrationId", equalTo("erp-new")).body("effectiveMode", equalTo("EXTERNAL"));
    as(ALICE).get("/v1/skus/{sku}/ownership", fresh).then().statusCode(200)
        .body("integrationId", equalTo("erp-new")).body("effectiveMode", equalTo("EXTERNAL"));

    // audited: who asked, from which owner to which, grouped by the switch
    as(OLIVIA).queryParam("sellerSku", a).get("/v1/skus/ownership/changes").then().statusCode(200)
        .body("items.size()", equalTo(2))
        .body("items[1].fromIntegrationId", equalTo("erp-old"))
        .body("items[1].toIntegrationId", equalTo("erp-new"))
        .body("items[1].switchId", equalTo(switchId))
        .body("items[1].actor", equalTo("user-of-seller-a"))
        .body("items[0].switchId", nullValue());
    as(ALICE).queryParam("sellerSku", fresh).get("/v1/skus/ownership/changes").then().statusCode(200)
        .body("items.size()", equalTo(1)).body("items[0].fromMode", nullValue());

    // idempotent: the same switch again changes and logs nothing
    as(ALICE).body(body(List.of(a, b, fresh), "EXTERNAL", "erp-new")).put("/v1/skus/ownership").then()
        .statusCode(200).body("changed", equalTo(0)).body("unchanged", equalTo(3)).body("switchId", nullValue());
    as(ALICE).queryParam("sellerSku", b).get("/v1/skus/ownership/changes").then().body("items.size()", equalTo(2));
  }

  @Test
  void namingSkusTheSellerLacksSwitchesNothingAndNamesEachOne_CH2() {
    String a = skuOf("seller-a");
    String bobs = skuOf("seller-b");
    own(ALICE, a, "erp-old");
    as(ALICE).body(body(List.of(a, "SKU-NOPE-1", bobs), "MANUAL", null)).put("/v1/skus/ownership").then()
        .statusCode(422).contentType("application/problem+json")
        .body("code", equalTo("UNKNOWN_SKUS"))
        .body("errors.field", containsInAnyOrder("sellerSkus[1]", "sellerSkus[2]"))
        .body("errors.message", hasItem(containsString(bobs)));
    as(ALICE).get("/v1/skus/{sku}/ownership", a).then().body("mode", equalTo("EXTERNAL"))
        .body("integrationId", equalTo("erp-old"));
    as(ALICE).queryParam("sellerSku", a).get("/v1/skus/ownership/changes").then().body("items.size()", equalTo(1));
  }

  @Test
  void allSwitchesEverySkuOfTheSellerAndNoOneElses_CH2() {
    String seller = "seller-switch-" + UUID.randomUUID().toString().substring(0, 8);
    String admin = TestTokens.seller(seller, "seller-admin");
    List<String> skus = IntStream.range(0, 5).mapToObj(i -> skuOf(seller)).toList();
    own(admin, skus.get(0), "erp-old");
    String alices = skuOf("seller-a");
    own(ALICE, alices, "erp-a");

    as(admin).body("{\"all\":true,\"mode\":\"EXTERNAL\",\"integrationId\":\"erp-new\"}").put("/v1/skus/ownership")
        .then().statusCode(200).body("changed", equalTo(5)).body("unchanged", equalTo(0));
    for (String sku : skus) {
      as(admin).get("/v1/skus/{sku}/ownership", sku).then().body("integrationId", equalTo("erp-new"));
    }
    as(ALICE).get("/v1/skus/{sku}/ownership", alices).then().body("integrationId", equalTo("erp-a"));
    as(admin).get("/v1/skus/ownership/changes").then().statusCode(200).body("items.size()", equalTo(6));
    as(admin).queryParam("limit", 4).get("/v1/skus/ownership/changes").then().statusCode(200)
        .body("items.size()", equalTo(4)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
  }

  @Test
  void concurrentSwitchesOfTheSameSkusBothApplyInTurn_CH2() throws Exception {
    List<String> skus = IntStream.range(0, 20).mapToObj(i -> skuOf("seller-a")).toList();
    own(ALICE, skus.get(0), "erp-old");
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Integer>> runs = new ArrayList<>();
    for (String erp : List.of("erp-x", "erp-y")) {
      runs.add(CompletableFuture.supplyAsync(() -> {
        try {
          start.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return as(ALICE).body(body(skus, "EXTERNAL", erp)).put("/v1/skus/ownership").then().extract().statusCode();
      }));
    }
    start.countDown();
    for (CompletableFuture<Integer> run : runs) {
      assertThat(run.get()).isEqualTo(200);
    }
    String last = as(ALICE).get("/v1/skus/{sku}/ownership", skus.get(5)).then().extract().path("integrationId");
    for (String sku : skus) {
      as(ALICE).get("/v1/skus/{sku}/ownership", sku).then().body("integrationId", equalTo(last));
    }
    as(ALICE).queryParam("sellerSku", skus.get(5)).get("/v1/skus/ownership/changes").then()
        .body("items.size()", equalTo(2));
  }

  @Test
  void badSwitchesAnswer400WithTheLimitOrTheRule() {
    List<String> tooMany = IntStream.range(0, 1001).mapToObj(i -> "SKU-" + i).toList();
    as(ALICE).body(body(tooMany, "MANUAL", null)).put("/v1/skus/ownership").then().statusCode(400)
        .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
        .body("errors[0].field", equalTo("sellerSkus")).body("errors[0].message", containsString("1000"));
    String sku = skuOf("seller-a");
    as(ALICE).body("{\"sellerSkus\":[\"" + sku + "\"],\"all\":true,\"mode\":\"MANUAL\"}").put("/v1/skus/ownership")
        .then().statusCode(400).body("errors[0].field", equalTo("sellerSkus"));
    as(ALICE).body("{\"mode\":\"MANUAL\"}").put("/v1/skus/ownership").then().statusCode(400)
        .body("errors[0].code", equalTo("one_of"));
    as(ALICE).body(body(List.of(sku), "EXTERNAL", null)).put("/v1/skus/ownership").then().statusCode(400)
        .body("errors[0].field", equalTo("integrationId"));
    as(OLIVIA).body(body(List.of(sku), "MANUAL", null)).put("/v1/skus/ownership").then().statusCode(403);
    as(ALICE).get("/v1/skus/{sku}/ownership", sku).then().statusCode(404);
  }
}
