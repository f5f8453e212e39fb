package io.stockbridge.catalog.listing.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The channel's product create call: title, description, category, brand, origin, manufacturer and the SKUs. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChannelProductBody(String title, String description, @JsonProperty("category_path") String categoryPath,
    @JsonProperty("brand_name") String brandName, @JsonProperty("origin_country") String originCountry,
    Manufacturer manufacturer, @JsonProperty("main_images") List<ImageRef> mainImages, List<SkuLine> skus) {

  /** A main image by the uri the channel's image upload answered (LST-3). */
  @RegisterForReflection
  public record ImageRef(String uri) {
  }

  /** The manufacturer's name and registered address (LST-3). */
  @RegisterForReflection
  public record Manufacturer(String name, String address) {
  }

  /** One SKU: the seller's code, its barcode and its package weight when known. */
  @RegisterForReflection
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record SkuLine(@JsonProperty("seller_sku") String sellerSku,
      @JsonProperty("identifier_code") IdentifierCode identifierCode,
      @JsonProperty("package_weight") PackageWeight packageWeight) {
  }

  @RegisterForReflection
  public record IdentifierCode(String code, String type) {
  }

  @RegisterForReflection
  public record PackageWeight(String value, String unit) {
  }
}
