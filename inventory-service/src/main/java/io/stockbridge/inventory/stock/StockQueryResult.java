package io.stockbridge.inventory.stock;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The SKUs asked for, in the order asked, each once; those the seller has no such SKU of apart")
public record StockQueryResult(
    List<SkuStock> items,
    @Schema(description = "SKUs asked for that the ledger does not know for this seller") List<String> unknownSellerSkus) {
}
