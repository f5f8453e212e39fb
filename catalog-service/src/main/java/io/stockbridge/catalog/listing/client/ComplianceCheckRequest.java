package io.stockbridge.catalog.listing.client;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** compliance-service's POST /v1/checks body. */
@RegisterForReflection
public record ComplianceCheckRequest(String market, String category, String productId, List<String> skuIds,
    Facts facts) {

  /** What the catalogue knows of the product, as the rules read it. */
  @RegisterForReflection
  public record Facts(String title, String brand, String modelNumber, java.time.LocalDate modelFirstRegisteredAt,
      List<String> ingredients, Map<String, Object> attributes) {
  }
}
