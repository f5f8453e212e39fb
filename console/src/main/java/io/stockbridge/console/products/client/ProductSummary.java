package io.stockbridge.console.products.client;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the pages show of a product: its name, category and SKU codes. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProductSummary(UUID id, Map<String, String> titles, String category, List<SkuCodes> skus) {
  /** A SKU's seller code and barcode. */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SkuCodes(String sellerSku, String barcode) {
  }

  public ProductSummary {
    titles = titles == null ? Map.of() : titles;
    skus = skus == null ? List.of() : skus;
  }

  /** The English title, else any title, else the id. */
  public String title() {
    return titles.getOrDefault("en", titles.values().stream().findFirst().orElse(id.toString()));
  }

  public List<String> sellerSkus() {
    return skus.stream().map(SkuCodes::sellerSku).toList();
  }
}
