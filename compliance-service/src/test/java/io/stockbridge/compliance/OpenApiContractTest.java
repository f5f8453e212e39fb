package io.stockbridge.compliance;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.OpenApiContract;

@QuarkusTest
class OpenApiContractTest extends OpenApiContract {
  OpenApiContractTest() {
    super("compliance-service");
  }

  /** A seller-wide document. */
  @Override
  protected void ownSomething(String sellerId) {
    new Fixtures.Seller(sellerId, io.stockbridge.testing.TestTokens.seller(sellerId, "seller-admin"))
        .upload("FCC_ID", "US", Fixtures.PDF, "grant.pdf").post("/v1/documents").then().statusCode(201);
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
