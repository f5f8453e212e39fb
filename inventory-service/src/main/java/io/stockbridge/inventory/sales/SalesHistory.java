package io.stockbridge.inventory.sales;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A SKU's sales per day from the ledger's own shipments (committed reservations), every day of "
    + "the window, days without sales included")
public record SalesHistory(
    String sellerSku,
    @Schema(description = "The warehouse; null: all of the seller's warehouses") String warehouseId,
    LocalDate from,
    LocalDate to,
    @Schema(description = "Units shipped in the window") long units,
    @Schema(description = "Units shipped per day on average over the window") double dailyAverage,
    List<SalesDay> days) {
}
