package io.stockbridge.inventory.health;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The inventory health report (rule CNT-4): per SKU and warehouse, per warehouse and for the "
    + "seller, over a window of days; sales from the ledger's own shipments, ages from its receipt layers")
public record InventoryHealth(
    LocalDate from,
    LocalDate to,
    OffsetDateTime generatedAt,
    List<ItemHealth> items,
    List<HealthTotals> warehouses,
    HealthTotals seller) {
}
