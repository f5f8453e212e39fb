package io.stockbridge.inventory.lock;

import static io.stockbridge.testing.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.TestTokens;

@QuarkusTest
class SkuLockResourceTest {
  private static final String CATALOG = TestTokens.service("catalog-service");
  private static final String SELLER_HEADER = "Stockbridge-Seller-Id";

  @Test
  void internalEndpointsRefuseASellerToken() {
    as(TestTokens.seller("seller-a", "seller-admin")).header(SELLER_HEADER, "seller-a").body("{}")
        .put("/internal/v1/skus/{sku}/locks/promotion", "LOCK-1").then().statusCode(403);
  }

  @Test
  void aServiceCallMustNameTheSeller() {
    as(CATALOG).body("{}").put("/internal/v1/skus/{sku}/locks/promotion", "LOCK-2").then().statusCode(400)
        .body("code", equalTo("SELLER_REQUIRED"));
  }

  @Test
  void placingALockTwiceKeepsOneAndLiftingItTwiceIsHarmless_INV1() {
    String sku = "LOCK-3";
    for (int i = 0; i < 2; i++) {
      as(CATALOG).header(SELLER_HEADER, "seller-a").body("{\"reason\":\"flash sale\",\"reference\":\"promo-7\"}")
          .put("/internal/v1/skus/{sku}/locks/promotion", sku).then().statusCode(200)
          .body("kind", equalTo("promotion"))
          .body("refusalCode", equalTo("SKU_LOCKED_BY_PROMOTION"))
          .body("lockedBy", equalTo("service-account-catalog-service"));
    }
    as(CATALOG).header(SELLER_HEADER, "seller-a").get("/internal/v1/skus/{sku}/locks", sku).then().statusCode(200)
        .body("kind", contains("promotion"));
    as(CATALOG).header(SELLER_HEADER, "seller-b").get("/internal/v1/skus/{sku}/locks", sku).then().statusCode(200)
        .body("$", empty());
    as(CATALOG).header(SELLER_HEADER, "seller-a").delete("/internal/v1/skus/{sku}/locks/promotion", sku)
        .then().statusCode(204);
    as(CATALOG).header(SELLER_HEADER, "seller-a").delete("/internal/v1/skus/{sku}/locks/promotion", sku)
        .then().statusCode(204);
    as(CATALOG).header(SELLER_HEADER, "seller-a").get("/internal/v1/skus/{sku}/locks", sku).then().statusCode(200)
        .body("$", empty());
  }

  @Test
  void aListingsLockStateIsPlacedAndLiftedByPost_INV1() {
    String sku = "LOCK-5";
    as(CATALOG).header(SELLER_HEADER, "seller-a").body("{\"held\":true,\"reason\":\"in review\",\"reference\":\"listing:1\"}")
        .post("/internal/v1/skus/{sku}/locks/under-review", sku).then().statusCode(200)
        .body("refusalCode", equalTo("SKU_UNDER_REVIEW"));
    as(CATALOG).header(SELLER_HEADER, "seller-a").get("/internal/v1/skus/{sku}/locks", sku).then().statusCode(200)
        .body("kind", contains("under-review"));
    for (int i = 0; i < 2; i++) {
      as(CATALOG).header(SELLER_HEADER, "seller-a").body("{\"held\":false}")
          .post("/internal/v1/skus/{sku}/locks/under-review", sku).then().statusCode(204);
    }
    as(CATALOG).header(SELLER_HEADER, "seller-a").get("/internal/v1/skus/{sku}/locks", sku).then().statusCode(200)
        .body("$", empty());
    as(CATALOG).header(SELLER_HEADER, "seller-a").body("{}")
        .post("/internal/v1/skus/{sku}/locks/under-review", sku).then().statusCode(400)
        .contentType("application/problem+json");
  }

  @Test
  void unknownLockKindAnswers400() {
    as(CATALOG).header(SELLER_HEADER, "seller-a").body("{}").put("/internal/v1/skus/{sku}/locks/holiday", "LOCK-4")
        .then().statusCode(400).body("code", equalTo("INVALID_ENUM_VALUE")).body("errors[0].field", equalTo("kind"));
  }
}
