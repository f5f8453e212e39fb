package io.stockbridge.inventory;

import static io.stockbridge.testing.Api.as;

import java.util.UUID;

import io.restassured.path.json.JsonPath;
import io.stockbridge.testing.TestTokens;

/**
 * Puts SKUs, warehouses and stock in place the way the other services and integrators would.
 */
public final class StockFixture {
  public static final String SELLER = "seller-a";
  public static final String ALICE = TestTokens.seller(SELLER, "seller-admin");
  public static final String BOB = TestTokens.seller("seller-b", "seller-admin");
  public static final String SERVICE = TestTokens.service("catalog-service");
  public static final String SELLER_HEADER = "Stockbridge-Seller-Id";

  private StockFixture() {
  }

  public static String newSku() {
    return "SKU-" + UUID.randomUUID().toString().substring(0, 12);
  }

  public static String newWarehouse() {
    return "WH-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Registers the SKU and the warehouses for the seller, as catalog-service and warehouse-gateway do. */
  public static void register(String seller, String sku, String... warehouses) {
    as(SERVICE).header(SELLER_HEADER, seller).put("/internal/v1/skus/{sku}", sku).then().statusCode(201);
    for (String warehouse : warehouses) {
      as(SERVICE).header(SELLER_HEADER, seller).put("/internal/v1/warehouses/{id}", warehouse).then()
          .statusCode(org.hamcrest.Matchers.oneOf(201, 204));
    }
  }

  /** Puts {@code quantity} units on the shelf (one movement; it counts as one edit of the SKU). */
  public static void receive(String token, String sku, String warehouse, long quantity) {
    as(token).body(movement(sku, warehouse, "OUTSIDE", "SELLABLE", quantity, "RECEIPT"))
        .post("/v1/stock/movements").then().statusCode(200);
  }

  public static String movement(String sku, String warehouse, String from, String to, long quantity, String reason) {
    return """
        {"movements": [{"sellerSku": "%s", "warehouseId": "%s", "from": "%s", "to": "%s", "quantity": %d, "reason": "%s"}]}
        """.formatted(sku, warehouse, from, to, quantity, reason);
  }

  /** The levels of a SKU in one warehouse. */
  public static JsonPath levels(String token, String sku, String warehouse) {
    return as(token).get("/v1/stock/{sku}/warehouses/{warehouse}", sku, warehouse).then().statusCode(200)
        .extract().jsonPath().setRootPath("levels");
  }
}
