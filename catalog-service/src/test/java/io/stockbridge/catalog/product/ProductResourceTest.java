package io.stockbridge.catalog.product;

import static io.stockbridge.testing.Api.anonymous;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.TestTokens;

@QuarkusTest
class ProductResourceTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");
  private static final String BOB = TestTokens.seller("seller-b", "seller-admin");
  private static final String ERP_A = TestTokens.seller("seller-a", "erp-integration");

  private static String product(String sellerSku, String barcode) {
    return """
        {"titles": {"en": "Wireless earbuds with charging case", "zh-CN": "无线耳机"},
         "category": "Electronics/Audio/Earphones", "brand": "Acme", "originCountry": "CN",
         "manufacturer": {"name": "Acme Audio Ltd", "registeredAddress": "1 Keji Road, Shenzhen, CN"},
         "skus": [{"sellerSku": "%s", "barcode": %s, "weight": {"value": 0.120, "unit": "KG"}}]}
        """.formatted(sellerSku, barcode == null ? "null" : "\"" + barcode + "\"");
  }

  private static String newSku() {
    return "EAR-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void answers401WithoutAToken() {
    anonymous().get("/v1/products").then().statusCode(401);
  }

  @Test
  void answers403WithTheWrongRole() {
    as(TestTokens.staff("rita", "compliance-reviewer")).body(product(newSku(), null)).post("/v1/products")
        .then().statusCode(403).contentType("application/problem+json");
  }

  @Test
  void aTokenWithoutASellerCannotActForOne() {
    as(TestTokens.staff("nobody", "seller-admin")).get("/v1/products").then().statusCode(403)
        .body("code", equalTo("NO_SELLER_IN_TOKEN"));
  }

  @Test
  void anotherSellersProductAnswers404() {
    String id = as(ALICE).body(product(newSku(), null)).post("/v1/products").then().statusCode(201)
        .extract().path("id");
    as(ALICE).get("/v1/products/{id}", id).then().statusCode(200).body("skus[0].weight.unit", equalTo("KG"));
    as(BOB).get("/v1/products/{id}", id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
  }

  @ParameterizedTest
  @ValueSource(strings = { "036000291452", "4006381333931", "96385074", "10012345678902" })
  void acceptsEveryGtinKindWithACorrectCheckDigit(String barcode) {
    as(ERP_A).body(product(newSku(), barcode)).post("/v1/products").then().statusCode(201)
        .body("skus[0].barcode", equalTo(barcode));
  }

  @ParameterizedTest
  @ValueSource(strings = { "036000291453", "4006381333930", "96385075", "10012345678903", "12345", "03600029145A" })
  void refusesABarcodeWithAWrongCheckDigitOrLength(String barcode) {
    as(ALICE).body(product(newSku(), barcode)).post("/v1/products").then().statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors[0].field", equalTo("skus[0].barcode"))
        .body("errors[0].code", equalTo("gtin"));
  }

  @Test
  void aSellerSkuIsUniquePerSellerButNotAcrossSellers() {
    String sku = newSku();
    as(ALICE).body(product(sku, null)).post("/v1/products").then().statusCode(201);
    as(ALICE).body(product(sku, null)).post("/v1/products").then().statusCode(409)
        .body("code", equalTo("SELLER_SKU_TAKEN")).body("errors[0].field", equalTo("skus[0].sellerSku"));
    as(BOB).body(product(sku, null)).post("/v1/products").then().statusCode(201);
  }

  @Test
  void aRetriedCreateWithTheSameKeyCreatesOneProduct() {
    String key = UUID.randomUUID().toString();
    String body = product(newSku(), null);
    String first = as(ALICE).header("Idempotency-Key", key).body(body).post("/v1/products").then().statusCode(201)
        .extract().path("id");
    as(ALICE).header("Idempotency-Key", key).body(body).post("/v1/products").then().statusCode(201)
        .header("Idempotent-Replayed", "true").body("id", equalTo(first));
  }

  @Test
  void listsPageByPageWithoutSkippingOrRepeating() {
    String category = "Test/Paging/" + UUID.randomUUID();
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      created.add(as(ALICE).body(product(newSku(), null).replace("Electronics/Audio/Earphones", category))
          .post("/v1/products").then().statusCode(201).extract().path("id"));
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var page = as(ALICE).queryParam("category", category).queryParam("limit", 2)
          .queryParam("cursor", cursor == null ? "" : cursor).get("/v1/products").then().statusCode(200).extract();
      seen.addAll(page.path("items.id"));
      cursor = page.path("nextCursor");
    } while (cursor != null);
    assertThat(seen).containsExactlyElementsOf(created);
    as(BOB).queryParam("category", category).get("/v1/products").then().statusCode(200).body("items", hasSize(0))
        .body("nextCursor", nullValue());
  }

  @Test
  void aCursorWeDidNotIssueAnswers400() {
    as(ALICE).queryParam("cursor", "not-a-cursor").get("/v1/products").then().statusCode(400)
        .body("code", equalTo("INVALID_CURSOR"));
  }

  @Test
  void malformedJsonAnswers400() {
    as(ALICE).body("{\"titles\": {\"en\": ").post("/v1/products").then().statusCode(400)
        .contentType("application/problem+json").body("code", equalTo("MALFORMED_JSON"));
  }

  @Test
  void unknownEnumValueAnswers400WithTheField() {
    as(ALICE).body(product(newSku(), null).replace("\"KG\"", "\"STONE\"")).post("/v1/products").then()
        .statusCode(400).body("code", equalTo("INVALID_ENUM_VALUE"))
        .body("errors[0].field", equalTo("skus[0].weight.unit"));
  }

  @Test
  void missingFieldsAnswer400WithEveryField() {
    as(ALICE).body("{\"titles\": {\"en\": \"\"}, \"skus\": []}").post("/v1/products").then().statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"))
        .body("errors.field", hasItem("category"))
        .body("errors.field", hasItem("skus"))
        .body("errors.field", hasItem("titles[en]"));
  }

  @Test
  void aLimitOutOfRangeAnswers400() {
    as(ALICE).queryParam("limit", 0).get("/v1/products").then().statusCode(400)
        .body("errors[0].field", equalTo("limit"));
  }
}
