package io.stockbridge.compliance.check;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.compliance.market.Market;

@Schema(description = "Can this product be published in this market and category? (CMP-1..4, LST-2)")
public record CheckRequest(
    @NotNull Market market,
    @Schema(description = "The category path, e.g. Beauty/Skincare") @NotBlank @Size(max = 255) String category,
    @Schema(description = "The catalogue's product id") @NotBlank @Size(max = 100) String productId,
    @Schema(description = "The SKUs to be published; SKU-scoped documents are matched against them")
    @Size(max = 500) List<@NotBlank @Size(max = 100) String> skuIds,
    @Valid CheckFacts facts) {

  public List<String> skus() {
    return skuIds == null ? List.of() : skuIds;
  }

  public CheckFacts factsOrNone() {
    return facts == null ? CheckFacts.NONE : facts;
  }
}
