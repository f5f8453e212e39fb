package io.stockbridge.inventory.erp;

import static io.stockbridge.inventory.StockFixture.ALICE;
import static io.stockbridge.inventory.StockFixture.BOB;
import static io.stockbridge.inventory.StockFixture.newSku;
import static io.stockbridge.inventory.StockFixture.newWarehouse;
import static io.stockbridge.inventory.StockFixture.receive;
import static io.stockbridge.inventory.StockFixture.register;
import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.stockbridge.testing.TestTokens;

/**
 * What an ERP reads in bulk instead of one call per SKU or per order: many SKUs' stock in one request, and the
 * reservations that changed since its last look, page by page.
 */
@QuarkusTest
class ErpBulkReadTest {
  private static final String ERP = TestTokens.integration("seller-a", "erp-a");

  @Test
  void manySkusStockIsReadInOneCallWithTheUnknownOnesNamedApart() {
    String warehouse = newWarehouse();
    String other = newWarehouse();
    List<String> skus = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      skus.add(newSku());
      register("seller-a", skus.get(i), warehouse, other);
      receive(ALICE, skus.get(i), warehouse, 10 + i);
    }
    receive(ALICE, skus.get(0), other, 5);
    String unknown = newSku();

    JsonPath all = as(ERP).body(Map.of("sellerSkus", List.of(skus.get(2), unknown, skus.get(0), skus.get(1),
            skus.get(0))))
        .post("/v1/stock/query").then().statusCode(200).extract().jsonPath();
    assertThat(all.getList("items.sellerSku")).as("in the order asked, each once")
        .containsExactly(skus.get(2), skus.get(0), skus.get(1));
    assertThat(all.getList("items.available", Integer.class)).containsExactly(12, 15, 11);
    assertThat(all.getList("unknownSellerSkus")).containsExactly(unknown);

    JsonPath one = as(ERP).body(Map.of("sellerSkus", List.of(skus.get(0)), "warehouseId", other))
        .post("/v1/stock/query").then().statusCode(200).extract().jsonPath();
    assertThat(one.getList("items[0].warehouses.warehouseId")).containsExactly(other);
    assertThat(one.getInt("items[0].available")).isEqualTo(5);

    // another seller's SKUs are unknown to them, not shown
    as(BOB).body(Map.of("sellerSkus", skus)).post("/v1/stock/query").then().statusCode(200)
        .body("items.size()", equalTo(0)).body("unknownSellerSkus.size()", equalTo(3));
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      tooMany.add("SKU-" + i);
    }
    as(ERP).body(Map.of("sellerSkus", tooMany)).post("/v1/stock/query").then().statusCode(400)
        .body("code", equalTo("VALIDATION_FAILED"));
    as(ERP).body(Map.of("sellerSkus", List.of())).post("/v1/stock/query").then().statusCode(400);
  }

  @Test
  void reservationsThatChangedSinceTheLastLookArePagedInTheOrderTheyChanged() {
    String warehouse = newWarehouse();
    String sku = newSku();
    register("seller-a", sku, warehouse);
    receive(ALICE, sku, warehouse, 20);
    OffsetDateTime lastLook = OffsetDateTime.now().minusSeconds(1);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(as(ERP).body("{\"orderId\": \"erp-" + sku + "-" + i + "\", \"lines\": [{\"sellerSku\": \"" + sku
          + "\", \"quantity\": 1}]}").post("/v1/reservations").then().statusCode(201).extract().path("id"));
    }
    // the first order ships last: it moves to the end of what changed
    as(ERP).post("/v1/reservations/{id}/commit", ids.get(0)).then().statusCode(200);

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var request = as(ERP).queryParam("updatedSince", lastLook.toString()).queryParam("limit", 2);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      JsonPath page = request.get("/v1/reservations").then().statusCode(200).extract().jsonPath();
      seen.addAll(page.getList("items.id"));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    List<String> mine = seen.stream().filter(ids::contains).toList();
    assertThat(mine).hasSize(3).endsWith(ids.get(0));
    assertThat(mine.subList(0, 2)).containsExactlyInAnyOrder(ids.get(1), ids.get(2));

    List<String> committed = as(ERP).queryParam("updatedSince", lastLook.toString()).queryParam("status", "COMMITTED")
        .queryParam("limit", 200).get("/v1/reservations").then().statusCode(200).extract().jsonPath()
        .getList("items.id");
    assertThat(committed).contains(ids.get(0)).doesNotContain(ids.get(1), ids.get(2));
    as(BOB).queryParam("updatedSince", lastLook.toString()).get("/v1/reservations").then().statusCode(200)
        .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(ids.get(0))));
    as(ERP).queryParam("updatedSince", "yesterday").get("/v1/reservations").then().statusCode(400)
        .body("errors[0].field", equalTo("updatedSince"));
    as(ERP).queryParam("status", "SHIPPED").get("/v1/reservations").then().statusCode(400);
  }
}
