package io.stockbridge.inventory.ownership;

import static io.stockbridge.testing.Api.anonymous;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.TestTokens;

@QuarkusTest
class OwnershipResourceTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");
  private static final String OLIVIA = TestTokens.seller("seller-a", "seller-operator");
  private static final String BOB = TestTokens.seller("seller-b", "seller-admin");
  private static final String RITA = TestTokens.staff("rita", "compliance-reviewer");

  /** A SKU of seller-a, registered in the ledger. */
  private static String newSku() {
    String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8);
    io.stockbridge.inventory.StockFixture.register("seller-a", sku);
    return sku;
  }

  @Test
  void ownershipOfASkuTheSellerDoesNotHaveIsNotFoundAndNeverCreated_scenario5() {
    String unknown = "SKU-NONE-" + UUID.randomUUID().toString().substring(0, 8);
    as(ALICE).body("{\"mode\":\"MANUAL\"}").put("/v1/skus/{sku}/ownership", unknown).then().statusCode(404)
        .contentType("application/problem+json").body("code", org.hamcrest.Matchers.equalTo("NOT_FOUND"));
    as(ALICE).get("/v1/skus/{sku}/ownership", unknown).then().statusCode(404);
    // seller-a's SKU is unknown to seller-b
    String alices = newSku();
    as(BOB).body("{\"mode\":\"MANUAL\"}").put("/v1/skus/{sku}/ownership", alices).then().statusCode(404);
    as(ALICE).get("/v1/skus/{sku}/ownership", alices).then().statusCode(404);
  }

  @Test
  void answers401WithoutAToken() {
    anonymous().get("/v1/skus/{sku}/ownership", newSku()).then().statusCode(401);
  }

  @Test
  void answers401ForATokenNotSignedByTheProvider() {
    String forged = ALICE.substring(0, ALICE.lastIndexOf('.') + 1) + "AAAA";
    as(forged).get("/v1/skus/{sku}/ownership", newSku()).then().statusCode(401);
  }

  @Test
  void answers403WithTheWrongRole() {
    as(RITA).get("/v1/skus/{sku}/ownership", newSku()).then().statusCode(403)
        .contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
    as(OLIVIA).body("{\"mode\":\"MANUAL\"}").put("/v1/skus/{sku}/ownership", newSku()).then().statusCode(403);
  }

  @Test
  void anotherSellersSkuAnswers404() {
    String sku = newSku();
    as(ALICE).body("{\"mode\":\"MANUAL\"}").put("/v1/skus/{sku}/ownership", sku).then().statusCode(200);
    as(ALICE).get("/v1/skus/{sku}/ownership", sku).then().statusCode(200);
    as(BOB).get("/v1/skus/{sku}/ownership", sku).then().statusCode(404)
        .contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
  }

  @Test
  void firstAssignmentGovernsAtOnce_INV2() {
    String sku = newSku();
    as(ALICE).body("{\"mode\":\"EXTERNAL\",\"integrationId\":\"erp-a\"}").put("/v1/skus/{sku}/ownership", sku)
        .then().statusCode(200)
        .header("ETag", startsWith("\""))
        .body("mode", equalTo("EXTERNAL"))
        .body("effectiveMode", equalTo("EXTERNAL"))
        .body("integrationId", equalTo("erp-a"));
  }

  @Test
  void switchingOffExternalSyncTakesEffectAfterTheCacheRefreshWindow_INV6() {
    String sku = newSku();
    as(ALICE).body("{\"mode\":\"EXTERNAL\",\"integrationId\":\"erp-a\"}").put("/v1/skus/{sku}/ownership", sku)
        .then().statusCode(200);
    OffsetDateTime before = OffsetDateTime.now();
    String effectiveAt = as(ALICE).body("{\"mode\":\"MANUAL\"}").put("/v1/skus/{sku}/ownership", sku)
        .then().statusCode(200)
        .body("mode", equalTo("MANUAL"))
        .body("effectiveMode", equalTo("EXTERNAL"))
        .extract().path("effectiveAt");
    Duration wait = Duration.between(before, OffsetDateTime.parse(effectiveAt));
    assertThat(wait).isBetween(Duration.ofMinutes(14), Duration.ofMinutes(16));
    as(OLIVIA).get("/v1/skus/{sku}/ownership", sku).then().statusCode(200).body("effectiveMode", equalTo("EXTERNAL"));
  }

  @Test
  void malformedJsonAnswers400() {
    as(ALICE).body("{\"mode\": ").put("/v1/skus/{sku}/ownership", newSku()).then().statusCode(400)
        .contentType("application/problem+json").body("code", equalTo("MALFORMED_JSON"));
  }

  @Test
  void unknownEnumValueAnswers400WithTheField() {
    as(ALICE).body("{\"mode\":\"AUTOMATIC\"}").put("/v1/skus/{sku}/ownership", newSku()).then().statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("INVALID_ENUM_VALUE"))
        .body("errors[0].field", equalTo("mode"));
  }

  @Test
  void missingFieldAnswers400WithTheField() {
    as(ALICE).body("{}").put("/v1/skus/{sku}/ownership", newSku()).then().statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.field", hasItem("mode"));
  }

  @Test
  void wrongTypeAnswers400WithTheField() {
    as(ALICE).body("{\"mode\":\"EXTERNAL\",\"integrationId\":{\"id\":1}}").put("/v1/skus/{sku}/ownership", newSku())
        .then().statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("WRONG_TYPE"))
        .body("errors[0].field", equalTo("integrationId"));
  }

  @Test
  void externalWithoutIntegrationAnswers400AndStoresNothing() {
    String sku = newSku();
    as(ALICE).body("{\"mode\":\"EXTERNAL\"}").put("/v1/skus/{sku}/ownership", sku).then().statusCode(400)
        .body("errors[0].field", equalTo("integrationId"));
    as(ALICE).get("/v1/skus/{sku}/ownership", sku).then().statusCode(404);
  }

  @Test
  void invalidSkuInThePathAnswers400() {
    as(ALICE).get("/v1/skus/{sku}/ownership", "bad sku!").then().statusCode(400)
        .contentType("application/problem+json").body("errors[0].field", equalTo("sellerSku"));
  }

  @Test
  void unknownFieldAnswers400() {
    as(ALICE).body("{\"mode\":\"MANUAL\",\"mood\":\"happy\"}").put("/v1/skus/{sku}/ownership", newSku())
        .then().statusCode(400).body("code", equalTo("UNKNOWN_FIELD")).body("errors[0].field", equalTo("mood"));
  }
}
