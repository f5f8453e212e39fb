package io.stockbridge.inventory.health;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One SKU's health in one warehouse over the report's window (rule CNT-4)")
public record ItemHealth(
    String sellerSku,
    String warehouseId,
    @Schema(description = "Sellable (reserved or not), QC and frozen units now") long onHand,
    @Schema(description = "What the channel may show now") long available,
    @Schema(description = "Units shipped in the window") long unitsSold,
    @Schema(description = "unitsSold per day of the window") double dailySales,
    @Schema(description = "available / dailySales; null without sales") Double daysOfCover,
    @Schema(description = "onHand / dailySales; healthy at most 45; null without sales") Double turnoverDays,
    @Schema(description = "unitsSold / (unitsSold + onHand), percent; good above 85") double sellThroughPercent,
    @Schema(description = "Share of the units held older than 90 days, percent") double olderThan90DaysPercent,
    @Schema(description = "Share of the units held older than the aged-stock age (180 days), percent; healthy "
        + "below 5") double agedPercent,
    @Schema(description = "When the warehouse last reported this SKU; null: never") OffsetDateTime lastReadingAt,
    @Schema(description = "No warehouse reading for longer than the staleness window (15 min)") boolean staleReading,
    @Schema(description = "Unreserved units below the safety stock (CNT-2)") boolean belowSafetyStock) {
}
