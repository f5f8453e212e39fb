package io.stockbridge.compliance;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.OpenApiContract;

@QuarkusTest
class OpenApiContractTest extends OpenApiContract {
  OpenApiContractTest() {
    super("compliance-service");
  }

  /** A seller-wide document, a publication check, and a request for an invitation-only category. */
  @Override
  protected java.util.Map<String, String> ownSomething(String sellerId) {
    String token = io.stockbridge.testing.TestTokens.seller(sellerId, "seller-admin");
    String document = new Fixtures.Seller(sellerId, token).submit("FCC_ID", "US");
    String check = io.stockbridge.testing.Api.as(token).body("{\"market\": \"US\", \"category\": \"Home/Kitchen\", "
            + "\"productId\": \"bottle-1\", \"skuIds\": [\"BOT-1\"], \"facts\": {\"title\": \"Water bottle\"}}")
        .post("/v1/checks").then().statusCode(200).extract().path("id");
    String request = io.stockbridge.testing.Api.as(token).body("{\"market\": \"US\", \"category\": "
            + "\"Health Supplements\", \"justification\": \"Brand owner since 2019\"}")
        .post("/v1/category-access-requests").then().statusCode(201).extract().path("id");
    return java.util.Map.of("documents.id", document, "checks.id", check, "category-access-requests.id", request);
  }

  @Override
  protected java.util.Map<String, SampleBody> sampleBodies() {
    return java.util.Map.of(
        "PUT /v1/categories/{market}/whitelist",
        SampleBody.json("{\"path\": \"No Such Category\", \"whitelisted\": true}"),
        "POST /v1/category-access-requests/{id}/decision", SampleBody.json("{\"decision\": \"APPROVED\"}"),
        "POST /v1/documents/{id}/transitions", SampleBody.json("{\"status\": \"PENDING_REVIEW\"}"),
        "PUT /v1/requirement-rules/{ruleId}", SampleBody.json("{\"market\": \"US\", \"categoryPath\": \"*\", "
            + "\"documentTypes\": [\"FCC_ID\"], \"description\": \"An FCC grant\"}"));
  }
}
