package io.stockbridge.catalog.listing.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stockbridge.catalog.product.repository.Product;
import io.stockbridge.catalog.product.repository.Sku;

/** The channel's product payloads in the channel's field names, and its answers read back. */
class ChannelProductMapperTest {
  private final ObjectMapper json = new ObjectMapper();
  private final ChannelProductMapper mapper = new ChannelProductMapper(json);

  private static Sku sku(String sellerSku, String barcode, BigDecimal weight) {
    Sku sku = new Sku();
    sku.sellerSku = sellerSku;
    sku.barcode = barcode;
    sku.weightValue = weight;
    sku.weightUnit = weight == null ? null : "KILOGRAM";
    return sku;
  }

  @Test
  void theCreateBodyUsesTheChannelsFieldNamesAndLeavesUnknownsOut() throws Exception {
    Product product = new Product();
    product.titles = Map.of("en", "Wireless earbuds with charging case");
    product.category = "Electronics/Audio/Earphones";
    product.originCountry = "CN";
    product.manufacturerAddress = "88 Keyuan Road, Shenzhen";
    JsonNode body = json.readTree(mapper.body(product, List.of("tos-img-1", "tos-img-2"), List.of(sku("EAR-BLK", "4006381333931",
        new BigDecimal("0.250")), sku("EAR-WHT", null, null))));
    assertThat(body.path("title").asText()).isEqualTo("Wireless earbuds with charging case");
    assertThat(body.path("description").asText()).isEmpty();
    assertThat(body.path("category_path").asText()).isEqualTo("Electronics/Audio/Earphones");
    assertThat(body.has("brand_name")).isFalse();
    assertThat(body.path("origin_country").asText()).isEqualTo("CN");
    assertThat(body.path("main_images").get(0).path("uri").asText()).isEqualTo("tos-img-1");
    assertThat(body.path("main_images").get(1).path("uri").asText()).isEqualTo("tos-img-2");
    assertThat(body.path("manufacturer").path("name").asText()).isEmpty();
    assertThat(body.path("manufacturer").path("address").asText()).isEqualTo("88 Keyuan Road, Shenzhen");
    JsonNode first = body.path("skus").get(0);
    assertThat(first.path("seller_sku").asText()).isEqualTo("EAR-BLK");
    assertThat(first.path("identifier_code").path("code").asText()).isEqualTo("4006381333931");
    assertThat(first.path("identifier_code").path("type").asText()).isEqualTo("GTIN");
    assertThat(first.path("package_weight").path("value").asText()).isEqualTo("0.250");
    JsonNode second = body.path("skus").get(1);
    assertThat(second.has("identifier_code")).isFalse();
    assertThat(second.has("package_weight")).isFalse();
  }

  @Test
  void aCreatedProductWaitsInAuditWithTheChannelsSkuIds() throws Exception {
    ChannelProductState created = mapper.created(json.readTree("""
        {"product_id": "1729", "skus": [{"id": "s-1", "seller_sku": "EAR-BLK"}]}"""));
    assertThat(created).isEqualTo(new ChannelProductState("1729", false, Map.of("EAR-BLK", "s-1")));
  }

  @Test
  void onlyAProductInAuditOrLiveCarryingOneOfTheSkusIsTakenFromASearch() throws Exception {
    JsonNode found = json.readTree("""
        {"products": [
          {"id": "1", "status": "DELETED", "skus": [{"id": "a", "seller_sku": "EAR-BLK"}]},
          {"id": "2", "status": "ACTIVATE", "skus": [{"id": "b", "seller_sku": "CASE-1"}]},
          {"id": "3", "status": "ACTIVATE", "skus": [{"id": "c", "seller_sku": "EAR-BLK"}]}]}""");
    assertThat(mapper.existing(found, List.of("EAR-BLK")))
        .contains(new ChannelProductState("3", true, Map.of("EAR-BLK", "c")));
    assertThat(mapper.existing(found, List.of("EAR-PNK"))).isEmpty();
  }
}
