package io.stockbridge.catalog.threecode;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Whether the catalogue's SKUs and barcodes agree with one warehouse's items (rule WH-3)")
public record ThreeCodeReport(String warehouseId, OffsetDateTime checkedAt,
    @Schema(description = "SKUs in the catalogue") int catalogueSkus,
    @Schema(description = "SKUs mapped to an item of this warehouse") int mappedSkus,
    @Schema(description = "True when nothing below needs attention") boolean consistent,
    List<Mismatch> mismatches) {

  @Schema(description = "One disagreement between the three codes")
  public record Mismatch(
      @Schema(description = "barcode_mismatch, barcode_missing_at_warehouse, sku_not_mapped, sku_not_in_catalogue, "
          + "wms_item_mapped_twice, barcode_shared") String code,
      String sellerSku, String wmsItemId, String catalogueBarcode, String warehouseBarcode,
      @Schema(description = "The other SKU involved, for a shared WMS item or barcode") String otherSellerSku,
      @Schema(description = "True when the ledger reports stock of the SKU in this warehouse") Boolean hasStock,
      String message) {
  }
}
