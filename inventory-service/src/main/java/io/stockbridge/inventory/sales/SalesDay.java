package io.stockbridge.inventory.sales;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What one day's shipments took out of the warehouse(s)")
public record SalesDay(
    @Schema(description = "The day, UTC") LocalDate day,
    @Schema(description = "Units shipped") long units,
    @Schema(description = "Shipments (order lines per warehouse) that shipped them") long shipments) {
}
