package io.stockbridge.catalog;

import static io.stockbridge.testing.Api.as;

import io.stockbridge.testing.TestTokens;

/** Catalogue data the tests stand on, made through the API as a seller would. */
public final class CatalogFixture {
  private CatalogFixture() {
  }

  /** A product of {@code seller} with the given SKUs. */
  public static void product(String seller, String... skus) {
    StringBuilder lines = new StringBuilder();
    for (String sku : skus) {
      lines.append(lines.isEmpty() ? "" : ",").append("{\"sellerSku\": \"").append(sku).append("\"}");
    }
    as(TestTokens.seller(seller, "seller-admin")).body("{\"titles\": {\"en\": \"Stainless steel water bottle\"}, "
        + "\"category\": \"Home/Kitchen\", \"skus\": [" + lines + "]}").post("/v1/products").then().statusCode(201);
  }
}
