package io.stockbridge.catalog.threecode;

import static io.stockbridge.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.stockbridge.testing.TestTokens;

@QuarkusTest
class ThreeCodeCheckTest {
  private final String seller = "seller-" + UUID.randomUUID();
  private final String token = TestTokens.seller(seller, "seller-admin");
  private final String prefix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();

  private String sku(String name) {
    return prefix + "-" + name;
  }

  private void product(String... skuAndBarcode) {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < skuAndBarcode.length; i += 2) {
      lines.append(lines.isEmpty() ? "" : ",").append("{\"sellerSku\":\"").append(skuAndBarcode[i]).append("\"")
          .append(skuAndBarcode[i + 1] == null ? "" : ",\"barcode\":\"" + skuAndBarcode[i + 1] + "\"").append("}");
    }
    as(token).body("{\"titles\":{\"en\":\"Wireless earbuds with case\"},\"category\":\"Phones & Electronics\","
        + "\"skus\":[" + lines + "]}").post("/v1/products").then().statusCode(201);
  }

  private void map(String sellerSku, String wmsItemId, String barcode) {
    as(token).body("{\"wmsItemId\":\"" + wmsItemId + "\"" + (barcode == null ? "" : ",\"barcode\":\"" + barcode + "\"")
        + "}").put("/v1/skus/{sku}/warehouse-items/{wh}", sellerSku, "WH-3C").then().statusCode(200);
  }

  @Test
  void reportsEveryDisagreementOfTheThreeCodes_WH3() {
    product(sku("OK"), "4006381333931", sku("BAD-BARCODE"), "5901234123457", sku("NO-BARCODE-AT-WH"), "036000291452",
        sku("CASE-A"), null, sku("CASE-B"), null, sku("SHARE-A"), "036000291452", sku("SHARE-B"), null,
        sku("UNMAPPED-STOCKED"), null, sku("UNMAPPED"), null);
    map(sku("OK"), "W-OK", "4006381333931");
    map(sku("BAD-BARCODE"), "W-BAD", "96385074");
    map(sku("NO-BARCODE-AT-WH"), "W-NOBC", null);
    map(sku("CASE-A"), "w-case", null);
    map(sku("CASE-B"), "W-CASE ", null);
    map(sku("SHARE-A"), "W-SA", "036000291452");
    map(sku("SHARE-B"), "W-SB", "036000291452");
    // the ledger reports stock of a SKU nobody mapped in this warehouse
    as(TestTokens.service("inventory-service")).header("Stockbridge-Seller-Id", seller)
        .body("{\"sellerSku\":\"" + sku("UNMAPPED-STOCKED") + "\",\"warehouseId\":\"WH-3C\",\"available\":4,"
            + "\"sellable\":4,\"reserved\":0,\"version\":3,\"changedAt\":\"2026-11-22T10:00:00Z\"}")
        .post("/internal/v1/channel-stock").then().statusCode(200);

    List<Map<String, Object>> mismatches = as(token).queryParam("warehouseId", "WH-3C").get("/v1/three-code-check")
        .then().statusCode(200).body("consistent", equalTo(false)).body("catalogueSkus", equalTo(9))
        .body("mappedSkus", equalTo(7)).extract().path("mismatches");

    assertThat(mismatches).noneMatch(m -> sku("OK").equals(m.get("sellerSku")));
    assertThat(mismatches).anySatisfy(m -> assertThat(m).containsEntry("code", "barcode_mismatch")
        .containsEntry("sellerSku", sku("BAD-BARCODE")).containsEntry("catalogueBarcode", "5901234123457")
        .containsEntry("warehouseBarcode", "96385074"));
    assertThat(mismatches).anySatisfy(m -> assertThat(m).containsEntry("code", "barcode_missing_at_warehouse")
        .containsEntry("sellerSku", sku("NO-BARCODE-AT-WH")));
    assertThat(mismatches).anySatisfy(m -> assertThat(m).containsEntry("code", "wms_item_mapped_twice")
        .containsEntry("otherSellerSku", sku("CASE-A")).containsEntry("sellerSku", sku("CASE-B")));
    assertThat(mismatches).anySatisfy(m -> assertThat(m).containsEntry("code", "barcode_shared")
        .containsEntry("otherSellerSku", sku("SHARE-A")).containsEntry("sellerSku", sku("SHARE-B")));
    assertThat(mismatches).anySatisfy(m -> assertThat(m).containsEntry("code", "sku_not_mapped")
        .containsEntry("sellerSku", sku("UNMAPPED-STOCKED")).containsEntry("hasStock", true));
    assertThat(mismatches).anySatisfy(m -> assertThat(m).containsEntry("code", "sku_not_mapped")
        .containsEntry("sellerSku", sku("UNMAPPED")).containsEntry("hasStock", false));
    // SHARE-B carries no barcode in the catalogue, so the warehouse's is a mismatch as well
    assertThat(mismatches).anySatisfy(m -> assertThat(m).containsEntry("code", "barcode_mismatch")
        .containsEntry("sellerSku", sku("SHARE-B")));
    assertThat(mismatches).noneMatch(m -> sku("SHARE-A").equals(m.get("sellerSku")));
    assertThat(mismatches).hasSize(7);
  }

  @Test
  void aConsistentWarehouseHasNothingToReportAndOtherSellersWarehousesAreNotFound_WH3_scenario5() {
    product(sku("ONE"), "4006381333931");
    map(sku("ONE"), "W-1", "4006381333931");
    as(token).queryParam("warehouseId", "WH-3C").get("/v1/three-code-check").then().statusCode(200)
        .body("consistent", equalTo(true)).body("mismatches", empty());
    // another seller's warehouse, and one nobody has, are not found (scenario 5), not an empty report
    as(TestTokens.seller("seller-" + UUID.randomUUID(), "seller-admin")).queryParam("warehouseId", "WH-3C")
        .get("/v1/three-code-check").then().statusCode(404).contentType("application/problem+json");
    as(token).queryParam("warehouseId", "WH-NONE-" + UUID.randomUUID().toString().substring(0, 8))
        .get("/v1/three-code-check").then().statusCode(404);
    as(token).get("/v1/three-code-check").then().statusCode(400).contentType("application/problem+json");
    as(TestTokens.staff("rita", "compliance-reviewer")).queryParam("warehouseId", "WH-3C").get("/v1/three-code-check")
        .then().statusCode(403);
  }
}
