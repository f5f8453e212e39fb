package io.stockbridge.catalog.warehouseitem;

import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.TestTokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class WarehouseItemTest {
  private static final String ALICE = TestTokens.seller("seller-a", "seller-admin");
  private static final String GATEWAY = TestTokens.service("warehouse-gateway");

  @Inject
  Pool pool;

  private static String product(String... skus) {
    StringBuilder lines = new StringBuilder();
    for (String sku : skus) {
      lines.append(lines.isEmpty() ? "" : ",").append("{\"sellerSku\": \"").append(sku).append("\"}");
    }
    as(ALICE).body("{\"titles\": {\"en\": \"Stainless steel water bottle\"}, \"category\": \"Home/Kitchen\", \"skus\": ["
        + lines + "]}").post("/v1/products").then().statusCode(201);
    return skus[0];
  }

  private static String newSku() {
    return "BOT-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void aNewSkuIsAnnouncedToTheLedgerInTheSameTransaction_WH3() {
    String sku = product(newSku());
    long queued = pool.preparedQuery("select count(*) from outbox_event where destination = 'inventory-service' "
        + "and path = $1 and seller_id = 'seller-a'").execute(Tuple.of("/internal/v1/skus/" + sku)).await().indefinitely()
        .iterator().next().getLong(0);
    assertThat(queued).isEqualTo(1);
  }

  @Test
  void theGatewayResolvesAMappedItemToItsSku_WH3() {
    String sku = product(newSku());
    as(ALICE).body("{\"wmsItemId\": \"WMS-" + sku + "\", \"barcode\": \"4006381333931\"}")
        .put("/v1/skus/{sku}/warehouse-items/{wh}", sku, "WH-1").then().statusCode(200)
        .body("wmsItemId", equalTo("WMS-" + sku));
    as(GATEWAY).header("Stockbridge-Seller-Id", "seller-a").get("/internal/v1/warehouse-items/{wh}/{item}", "WH-1", "WMS-" + sku)
        .then().statusCode(200).body("sellerSku", equalTo(sku));
    as(GATEWAY).header("Stockbridge-Seller-Id", "seller-b").get("/internal/v1/warehouse-items/{wh}/{item}", "WH-1", "WMS-" + sku)
        .then().statusCode(404);
    as(GATEWAY).header("Stockbridge-Seller-Id", "seller-a").get("/internal/v1/warehouse-items/{wh}/{item}", "WH-1", "NOPE")
        .then().statusCode(404);
    as(ALICE).get("/internal/v1/warehouse-items/{wh}/{item}", "WH-1", "WMS-" + sku).then().statusCode(403);
  }

  @Test
  void aWmsItemBelongsToOneSkuAndOnlyKnownSkusAreMapped_WH3() {
    String first = newSku();
    String second = newSku();
    product(first, second);
    as(ALICE).body("{\"wmsItemId\": \"SHARED-" + first + "\"}").put("/v1/skus/{sku}/warehouse-items/{wh}", first, "WH-2")
        .then().statusCode(200);
    as(ALICE).body("{\"wmsItemId\": \"SHARED-" + first + "\"}").put("/v1/skus/{sku}/warehouse-items/{wh}", second, "WH-2")
        .then().statusCode(409).body("code", equalTo("WMS_ITEM_TAKEN"));
    as(ALICE).body("{\"wmsItemId\": \"X-1\"}").put("/v1/skus/{sku}/warehouse-items/{wh}", "NO-SUCH-SKU", "WH-2")
        .then().statusCode(404);
    as(ALICE).body("{\"wmsItemId\": \"X-2\", \"barcode\": \"4006381333930\"}")
        .put("/v1/skus/{sku}/warehouse-items/{wh}", first, "WH-2").then().statusCode(400)
        .body("errors[0].field", equalTo("barcode"));
    as(TestTokens.seller("seller-b", "seller-admin")).body("{\"wmsItemId\": \"X-3\"}")
        .put("/v1/skus/{sku}/warehouse-items/{wh}", first, "WH-2").then().statusCode(404);
  }

  @Test
  void theGatewayListsAWarehousesMappedItemsPageByPage_WH3() {
    String warehouse = "WH-L-" + UUID.randomUUID().toString().substring(0, 6);
    String first = newSku();
    String second = newSku();
    String third = newSku();
    product(first, second, third);
    for (String sku : new String[] { first, second, third }) {
      as(ALICE).body("{\"wmsItemId\": \"I-" + sku + "\"}").put("/v1/skus/{sku}/warehouse-items/{wh}", sku, warehouse)
          .then().statusCode(200);
    }
    var page = as(GATEWAY).header("Stockbridge-Seller-Id", "seller-a").queryParam("limit", 2)
        .get("/internal/v1/warehouse-items/{wh}", warehouse).then().statusCode(200).extract();
    java.util.List<String> seen = new java.util.ArrayList<>(page.jsonPath().getList("items.wmsItemId"));
    assertThat(seen).hasSize(2);
    as(GATEWAY).header("Stockbridge-Seller-Id", "seller-a").queryParam("limit", 2)
        .queryParam("cursor", page.path("nextCursor").toString())
        .get("/internal/v1/warehouse-items/{wh}", warehouse).then().statusCode(200)
        .body("items.size()", equalTo(1)).body("nextCursor", org.hamcrest.Matchers.nullValue())
        .extract().jsonPath().getList("items.wmsItemId", String.class).forEach(seen::add);
    assertThat(seen).containsExactlyInAnyOrder("I-" + first, "I-" + second, "I-" + third).isSorted();
    as(GATEWAY).header("Stockbridge-Seller-Id", "seller-b").get("/internal/v1/warehouse-items/{wh}", warehouse).then()
        .statusCode(200).body("items.size()", equalTo(0));
    as(GATEWAY).header("Stockbridge-Seller-Id", "seller-a").queryParam("cursor", "%%%")
        .get("/internal/v1/warehouse-items/{wh}", warehouse).then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
  }
}
