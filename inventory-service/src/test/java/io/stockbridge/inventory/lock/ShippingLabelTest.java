package io.stockbridge.inventory.lock;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.levels;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.receive;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.stockbridge.testing.TestTokens;

/** Shipping labels on the channel's packages lock hand edits of their SKUs until they ship (INV-1). */
@QuarkusTest
class ShippingLabelTest {
  private static final String CATALOG = TestTokens.service("catalog-service");
  private static final String SELLER_HEADER = "Stockbridge-Seller-Id";

  private static void label(String packageId, String state, String sku) {
    String lines = sku == null ? "" : ",\"lines\":[{\"sellerSku\":\"" + sku + "\",\"quantity\":1}]";
    as(CATALOG).header(SELLER_HEADER, "seller-a").body("{\"packageId\":\"" + packageId + "\",\"orderId\":\"o-"
        + packageId + "\",\"state\":\"" + state + "\"" + lines + "}").post("/internal/v1/shipping-labels")
        .then().statusCode(204);
  }

  private static ValidatableResponse edit(String sku, String warehouse) {
    long version = levels(ALICE, sku, warehouse).getLong("version");
    return as(ALICE).header("If-Match", "\"" + version + "\"").body("{\"sellable\": 8, \"reason\": \"recount\"}")
        .put("/v1/stock/{sku}/warehouses/{warehouse}", sku, warehouse).then();
  }

  @Test
  void labelledPackagesLockTheSkuUntilTheLastShipsWhateverOrderTheNoticesArriveIn_INV1() {
    String warehouse = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 10);
    label("pkg-1-" + sku, "LABELLED", sku);
    label("pkg-1-" + sku, "LABELLED", sku);
    label("pkg-2-" + sku, "LABELLED", sku);
    edit(sku, warehouse).statusCode(409).contentType("application/problem+json")
        .body("code", equalTo("SKU_HAS_SHIPPING_LABELS")).body("lock", equalTo("label-generated"))
        .body("packages", equalTo(List.of("pkg-1-" + sku, "pkg-2-" + sku)));

    label("pkg-1-" + sku, "SHIPPED", null);
    edit(sku, warehouse).statusCode(409).body("packages", equalTo(List.of("pkg-2-" + sku)));
    // a cancellation that overtook its own label notice: the late label locks nothing
    label("pkg-3-" + sku, "CANCELLED", sku);
    label("pkg-3-" + sku, "LABELLED", sku);
    label("pkg-2-" + sku, "CANCELLED", null);
    edit(sku, warehouse).statusCode(200);
  }
}
