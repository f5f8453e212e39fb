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
}
