package io.stockbridge.compliance.categoryaccess;

import static io.stockbridge.testing.Api.anonymous;
import static io.stockbridge.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.TestTokens;

@QuarkusTest
class CategoryAccessResourceTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");
  private static final String OLIVIA = TestTokens.seller("seller-a", "seller-operator");
  private static final String BOB = TestTokens.seller("seller-b", "seller-admin");
  private static final String PAUL = TestTokens.staff("paul", "platform-admin");

  private static String draft(String category) {
    return "{\"market\":\"US\",\"category\":\"" + category + "\",\"justification\":\"Brand owner since 2019\"}";
  }

  private static String fileRequest(String token, String category) {
    return as(token).body(draft(category)).post("/v1/category-access-requests").then().statusCode(201)
        .body("status", equalTo("PENDING")).extract().path("id");
  }

  private static String newCategory() {
    return "Beauty/Skincare/" + UUID.randomUUID();
  }

  @Test
  void answers401WithoutAToken() {
    anonymous().get("/v1/category-access-requests").then().statusCode(401);
  }

  @Test
  void aSellerCannotDecideItsOwnRequest_LST2() {
    String id = fileRequest(ALICE, newCategory());
    as(ALICE).body("{\"decision\":\"APPROVED\"}").post("/v1/category-access-requests/{id}/decision", id)
        .then().statusCode(403).contentType("application/problem+json");
    as(OLIVIA).body(draft(newCategory())).post("/v1/category-access-requests").then().statusCode(403);
  }

  @Test
  void anotherSellersRequestAnswers404ButAPlatformAdminSeesIt() {
    String id = fileRequest(ALICE, newCategory());
    as(BOB).get("/v1/category-access-requests/{id}", id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    as(PAUL).get("/v1/category-access-requests/{id}", id).then().statusCode(200).body("sellerId", equalTo("seller-a"));
    as(BOB).get("/v1/category-access-requests").then().statusCode(200)
        .body("items.sellerId", everyItem(equalTo("seller-b")));
  }

  @Test
  void aPlatformAdminApprovesOnceAndTheDecisionIsFinal_LST2() {
    String id = fileRequest(ALICE, newCategory());
    as(PAUL).queryParam("status", "PENDING").get("/v1/category-access-requests").then().statusCode(200)
        .body("items.id", hasItem(id));
    as(PAUL).body("{\"decision\":\"APPROVED\"}").post("/v1/category-access-requests/{id}/decision", id)
        .then().statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("paul"));
    as(PAUL).body("{\"decision\":\"REJECTED\",\"reason\":\"changed my mind\"}")
        .post("/v1/category-access-requests/{id}/decision", id).then().statusCode(409)
        .body("code", equalTo("ILLEGAL_TRANSITION"));
    as(PAUL).queryParam("status", "PENDING").get("/v1/category-access-requests").then().statusCode(200)
        .body("items.id", not(hasItem(id)));
  }

  @Test
  void aRejectionMustSayWhy() {
    String id = fileRequest(ALICE, newCategory());
    as(PAUL).body("{\"decision\":\"REJECTED\"}").post("/v1/category-access-requests/{id}/decision", id)
        .then().statusCode(400).body("errors[0].field", equalTo("reason"));
    as(ALICE).get("/v1/category-access-requests/{id}", id).then().statusCode(200).body("status", equalTo("PENDING"));
  }

  @Test
  void onlyOnePendingRequestPerCategory() {
    String category = newCategory();
    fileRequest(ALICE, category);
    as(ALICE).body(draft(category)).post("/v1/category-access-requests").then().statusCode(409)
        .body("code", equalTo("ACCESS_REQUEST_PENDING"));
    fileRequest(BOB, category);
  }

  @Test
  void unknownMarketAnswers400WithTheField() {
    as(ALICE).body("{\"market\":\"XX\",\"category\":\"Toys\"}").post("/v1/category-access-requests").then()
        .statusCode(400).contentType("application/problem+json")
        .body("code", equalTo("INVALID_ENUM_VALUE")).body("errors[0].field", equalTo("market"));
  }

  @Test
  void unknownMarketFilterAnswers400() {
    as(ALICE).queryParam("market", "XX").get("/v1/category-access-requests").then().statusCode(400)
        .contentType("application/problem+json").body("code", equalTo("INVALID_ENUM_VALUE"))
        .body("errors[0].field", equalTo("market"));
  }

  @Test
  void missingCategoryAnswers400WithTheField() {
    as(ALICE).body("{\"market\":\"US\"}").post("/v1/category-access-requests").then().statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("category"));
  }

  @Test
  void malformedJsonAnswers400() {
    as(ALICE).body("{\"market\":").post("/v1/category-access-requests").then().statusCode(400)
        .body("code", equalTo("MALFORMED_JSON"));
  }

  @Test
  void aMalformedIdAnswers4xxProblem() {
    as(ALICE).get("/v1/category-access-requests/{id}", "not-a-uuid").then().statusCode(404)
        .contentType("application/problem+json");
  }
}
