package io.stockbridge.inventory.stock;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How old a SKU's on-hand units are, per warehouse, from its receipt layers (rule STK-4)")
public record StockAge(String sellerSku,
    @Schema(description = "Units older than this many days count as aged (CNT-4)") long agedAfterDays,
    List<WarehouseAge> warehouses) {

  @Schema(description = "The age of the units in one warehouse")
  public record WarehouseAge(String warehouseId,
      @Schema(description = "Units the layers account for") long units,
      @Schema(description = "Unit-weighted average age in days") double averageAgeDays,
      @Schema(description = "Share of units older than agedAfterDays, 0..1") double agedShare,
      @Schema(description = "Open layers, oldest first; they are consumed in this order") List<Layer> layers) {
  }

  @Schema(description = "Units received together and not yet gone")
  public record Layer(OffsetDateTime receivedAt, long units, long ageDays) {
  }
}
