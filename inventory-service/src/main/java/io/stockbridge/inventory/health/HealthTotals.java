package io.stockbridge.inventory.health;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The health of a warehouse's SKUs, or of all the seller's, taken together (rule CNT-4)")
public record HealthTotals(
    @Schema(description = "The warehouse; null for the seller's totals") String warehouseId,
    @Schema(description = "SKU and warehouse pairs counted") long items,
    long onHand,
    long available,
    long unitsSold,
    double dailySales,
    Double daysOfCover,
    Double turnoverDays,
    double sellThroughPercent,
    double olderThan90DaysPercent,
    double agedPercent,
    @Schema(description = "Share of the items whose reading is stale, percent") double staleReadingsPercent,
    @Schema(description = "Items below their safety stock") long belowSafetyStock,
    @Schema(description = "turnoverDays at most the healthy limit (45)") boolean turnoverHealthy,
    @Schema(description = "sellThroughPercent above the good limit (85)") boolean sellThroughGood,
    @Schema(description = "agedPercent below the aged-stock share (5)") boolean ageStructureHealthy) {
}
