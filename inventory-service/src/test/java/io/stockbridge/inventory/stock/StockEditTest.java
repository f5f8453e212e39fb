package io.stockbridge.inventory.stock;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.SELLER_HEADER;
import static io.stockbridge.inventory.StockFixture.SERVICE;
import static io.stockbridge.inventory.StockFixture.levels;
import static io.stockbridge.inventory.StockFixture.movement;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.receive;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class StockEditTest {
  private static final String ERP_A = TestTokens.integration("seller-a", "erp-a");
  private static final String ERP_OTHER = TestTokens.integration("seller-a", "erp-other");

  @Inject
  Pool pool;

  private static ValidatableResponse edit(String token, String sku, String warehouse, Object version, long sellable) {
    var request = as(token).body("{\"sellable\": " + sellable + ", \"reason\": \"count correction\"}");
    if (version != null) {
      request.header("If-Match", "\"" + version + "\"");
    }
    return request.put("/v1/stock/{sku}/warehouses/{warehouse}", sku, warehouse).then();
  }

  private static long version(String sku, String warehouse) {
    return levels(ALICE, sku, warehouse).getLong("version");
  }

  private static String stockedSku(String warehouse, long quantity) {
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, quantity);
    return sku;
  }

  @Test
  void aHandEditNeedsTheVersionLastRead() {
    String warehouse = newWarehouse();
    String sku = stockedSku(warehouse, 10);
    edit(ALICE, sku, warehouse, null, 12).statusCode(428).body("code", equalTo("PRECONDITION_REQUIRED"));
    long version = version(sku, warehouse);
    edit(ALICE, sku, warehouse, version + 1, 12).statusCode(412).body("code", equalTo("VERSION_MISMATCH"))
        .body("currentVersion", equalTo((int) version));
    edit(ALICE, sku, warehouse, version, 12).statusCode(200).header("ETag", notNullValue())
        .body("changes[0].before.sellable", equalTo(10)).body("changes[0].after.sellable", equalTo(12));
    edit(ALICE, sku, warehouse, version, 15).statusCode(412);
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isEqualTo(12);
  }

  @Test
  void aHandEditOfAnExternalSkuIsRefusedWith40302_INV3() {
    String warehouse = newWarehouse();
    String sku = stockedSku(warehouse, 10);
    as(ALICE).body("{\"mode\": \"EXTERNAL\", \"integrationId\": \"erp-a\"}").put("/v1/skus/{sku}/ownership", sku)
        .then().statusCode(200);
    long version = version(sku, warehouse);
    edit(ALICE, sku, warehouse, version, 3).statusCode(403)
        .body("code", equalTo("40302"))
        .body("detail", equalTo("Inventory managed by external system"));
    as(ALICE).body(movement(sku, warehouse, "SELLABLE", "OUTSIDE", 1, "DAMAGE")).post("/v1/stock/movements")
        .then().statusCode(403).body("code", equalTo("40302"));
    edit(ERP_OTHER, sku, warehouse, version, 3).statusCode(403).body("code", equalTo("40302"));
    edit(ERP_A, sku, warehouse, version, 3).statusCode(200).body("changes[0].after.sellable", equalTo(3));
  }

  @Test
  void anIntegrationMayNotOverwriteAManualSku_INV2() {
    String warehouse = newWarehouse();
    String sku = stockedSku(warehouse, 10);
    as(ALICE).body("{\"mode\": \"MANUAL\"}").put("/v1/skus/{sku}/ownership", sku).then().statusCode(200);
    edit(ERP_A, sku, warehouse, version(sku, warehouse), 3).statusCode(409).body("code", equalTo("SKU_MANAGED_MANUALLY"));
  }

  @Test
  void aLockedSkuRefusesHandEditsWithTheLocksCode_INV1() {
    String warehouse = newWarehouse();
    String sku = stockedSku(warehouse, 10);
    as(SERVICE).header(SELLER_HEADER, "seller-a").body("{\"reason\": \"flash sale\"}")
        .put("/internal/v1/skus/{sku}/locks/promotion", sku).then().statusCode(200);
    edit(ALICE, sku, warehouse, version(sku, warehouse), 3).statusCode(409)
        .body("code", equalTo("SKU_LOCKED_BY_PROMOTION")).body("lock", equalTo("promotion"));
    as(SERVICE).header(SELLER_HEADER, "seller-a").delete("/internal/v1/skus/{sku}/locks/promotion", sku)
        .then().statusCode(204);
    as(SERVICE).header(SELLER_HEADER, "seller-a").put("/internal/v1/skus/{sku}/locks/under-review", sku)
        .then().statusCode(200);
    edit(ALICE, sku, warehouse, version(sku, warehouse), 3).statusCode(409).body("code", equalTo("SKU_UNDER_REVIEW"));
  }

  @Test
  void sellableMayNotGoBelowWhatOrdersReserved_INV1() {
    String warehouse = newWarehouse();
    String sku = stockedSku(warehouse, 10);
    as(ALICE).body("{\"orderId\": \"" + sku + "-order\", \"lines\": [{\"sellerSku\": \"" + sku + "\", \"quantity\": 4}]}")
        .post("/v1/reservations").then().statusCode(201);
    edit(ALICE, sku, warehouse, version(sku, warehouse), 3).statusCode(409).body("code", equalTo("BELOW_RESERVED"));
    edit(ALICE, sku, warehouse, version(sku, warehouse), 4).statusCode(200);
    assertThat(levels(ALICE, sku, warehouse).getLong("available")).isZero();
  }

  @Test
  void theSixthEditWithinAnHourIsRefusedAndTheSkuFlagged_INV4() {
    String warehouse = newWarehouse();
    String sku = stockedSku(warehouse, 10); // the receipt is edit 1
    for (int i = 2; i <= 5; i++) {
      edit(ALICE, sku, warehouse, version(sku, warehouse), 10 + i).statusCode(200);
    }
    edit(ALICE, sku, warehouse, version(sku, warehouse), 99).statusCode(429)
        .header("Retry-After", notNullValue())
        .body("code", equalTo("EDIT_RATE_LIMITED"));
    as(ERP_A).body(movement(sku, warehouse, "OUTSIDE", "SELLABLE", 1, "RECEIPT")).post("/v1/stock/movements")
        .then().statusCode(429);
    assertThat(levels(ALICE, sku, warehouse).getLong("sellable")).isEqualTo(15);
    String flag = pool.preparedQuery("select flag_reason from known_sku where seller_sku = $1").execute(Tuple.of(sku))
        .await().indefinitely().iterator().next().getString(0);
    assertThat(flag).contains("more than 5 stock edits");
  }
}
