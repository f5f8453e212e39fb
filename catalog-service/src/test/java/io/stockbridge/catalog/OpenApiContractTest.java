package io.stockbridge.catalog;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.OpenApiContract;

@QuarkusTest
class OpenApiContractTest extends OpenApiContract {
  OpenApiContractTest() {
    super("catalog-service");
  }

  /** A product with a SKU. */
  @Override
  protected void ownSomething(String sellerId) {
    CatalogFixture.product(sellerId, "OWN-" + java.util.UUID.randomUUID().toString().substring(0, 8));
  }
}
