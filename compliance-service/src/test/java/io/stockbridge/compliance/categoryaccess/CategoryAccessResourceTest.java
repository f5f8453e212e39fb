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
  private static final String PAUL = TestTokens.staff("paul", "platform-admin");
  private static final String INVITATION_ONLY = "Health Supplements";

  /** Each test acts for sellers of its own, so one pending request never collides with another test's. */
  private final String sellerA = "seller-" + UUID.randomUUID();
  private final String alice = TestTokens.seller(sellerA, "seller-admin");
  private final String olivia = TestTokens.seller(sellerA, "seller-operator");
  private final String bob = TestTokens.seller("seller-" + UUID.randomUUID(), "seller-admin");

  private static String draft(String category) {
    return "{\"market\":\"US\",\"category\":\"" + category + "\",\"justification\":\"Brand owner since 2019\"}";
  }

  private static String fileRequest(String token, String category) {
    return as(token).body(draft(category)).post("/v1/category-access-requests").then().statusCode(201)
        .body("status", equalTo("PENDING")).extract().path("id");
  }

  @Test
  void answers401WithoutAToken() {
    anonymous().get("/v1/category-access-requests").then().statusCode(401);
  }

  @Test
  void aSellerCannotDecideItsOwnRequest_LST2() {
    String id = fileRequest(alice, INVITATION_ONLY);
    as(alice).body("{\"decision\":\"APPROVED\"}").post("/v1/category-access-requests/{id}/decision", id)
        .then().statusCode(403).contentType("application/problem+json");
    as(olivia).body(draft("Pre-Owned")).post("/v1/category-access-requests").then().statusCode(403);
  }

  @Test
  void anotherSellersRequestAnswers404ButAPlatformAdminSeesIt() {
    String id = fileRequest(alice, INVITATION_ONLY);
    as(bob).get("/v1/category-access-requests/{id}", id).then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    as(PAUL).get("/v1/category-access-requests/{id}", id).then().statusCode(200).body("sellerId", equalTo(sellerA));
    as(bob).get("/v1/category-access-requests").then().statusCode(200)
        .body("items.sellerId", not(hasItem(sellerA)));
    as(alice).get("/v1/category-access-requests").then().statusCode(200)
        .body("items.sellerId", everyItem(equalTo(sellerA)));
  }

  @Test
  void aPlatformAdminApprovesOnceAndTheDecisionIsFinal_LST2() {
    String id = fileRequest(alice, INVITATION_ONLY);
    as(PAUL).queryParam("status", "PENDING").queryParam("limit", 200).get("/v1/category-access-requests").then()
        .statusCode(200);
    as(PAUL).body("{\"decision\":\"APPROVED\"}").post("/v1/category-access-requests/{id}/decision", id)
        .then().statusCode(200).body("status", equalTo("APPROVED")).body("decidedBy", equalTo("paul"));
    as(PAUL).body("{\"decision\":\"REJECTED\",\"reason\":\"changed my mind\"}")
        .post("/v1/category-access-requests/{id}/decision", id).then().statusCode(409)
        .body("code", equalTo("ILLEGAL_TRANSITION"));
    as(alice).queryParam("status", "PENDING").get("/v1/category-access-requests").then().statusCode(200)
        .body("items.id", not(hasItem(id)));
  }

  @Test
  void aRejectionMustSayWhy() {
    String id = fileRequest(alice, INVITATION_ONLY);
    as(PAUL).body("{\"decision\":\"REJECTED\"}").post("/v1/category-access-requests/{id}/decision", id)
        .then().statusCode(400).body("errors[0].field", equalTo("reason"));
    as(alice).get("/v1/category-access-requests/{id}", id).then().statusCode(200).body("status", equalTo("PENDING"));
  }

  @Test
  void onlyOnePendingRequestPerCategory() {
    fileRequest(alice, INVITATION_ONLY);
    // a sub-category path names its top-level category: the same request
    as(alice).body(draft("health supplements/Vitamins")).post("/v1/category-access-requests").then().statusCode(409)
        .body("code", equalTo("ACCESS_REQUEST_PENDING"));
    fileRequest(bob, INVITATION_ONLY);
  }

  @Test
  void aRequestNamesTheTreesSpellingOfTheTopLevelCategory() {
    String id = fileRequest(alice, " health supplements / Vitamins ");
    as(alice).get("/v1/category-access-requests/{id}", id).then().body("category", equalTo("Health Supplements"));
  }

  @Test
  void anOpenOrUnknownCategoryNeedsNoRequest_LST2() {
    as(alice).body(draft("Beauty/Skincare")).post("/v1/category-access-requests").then().statusCode(409)
        .body("code", equalTo("CATEGORY_ALREADY_OPEN"));
    as(alice).body(draft("Spaceships")).post("/v1/category-access-requests").then().statusCode(400)
        .body("code", equalTo("UNKNOWN_CATEGORY")).body("errors[0].field", equalTo("category"));
  }

  @Test
  void unknownMarketAnswers400WithTheField() {
    as(alice).body("{\"market\":\"XX\",\"category\":\"Toys\"}").post("/v1/category-access-requests").then()
        .statusCode(400).contentType("application/problem+json")
        .body("code", equalTo("INVALID_ENUM_VALUE")).body("errors[0].field", equalTo("market"));
  }

  @Test
  void unknownMarketFilterAnswers400() {
    as(alice).queryParam("market", "XX").get("/v1/category-access-requests").then().statusCode(400)
        .contentType("application/problem+json").body("code", equalTo("INVALID_ENUM_VALUE"))
        .body("errors[0].field", equalTo("market"));
  }

  @Test
  void missingCategoryAnswers400WithTheField() {
    as(alice).body("{\"market\":\"US\"}").post("/v1/category-access-requests").then().statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("category"));
  }

  @Test
  void malformedJsonAnswers400() {
    as(alice).body("{\"market\":").post("/v1/category-access-requests").then().statusCode(400)
        .body("code", equalTo("MALFORMED_JSON"));
  }

  @Test
  void aMalformedIdAnswers4xxProblem() {
    as(alice).get("/v1/category-access-requests/{id}", "not-a-uuid").then().statusCode(404)
        .contentType("application/problem+json");
  }
}
