package io.stockbridge.inventory.stock;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A SKU's replenishment policy in one warehouse, and its stock after the change")
public record SafetyStockPolicyView(
    String sellerSku,
    String warehouseId,
    long safetyStock,
    @Schema(description = "As set; null when the configured default applies") Integer leadTimeDays,
    @Schema(description = "The lead time REPLENISH suggestions use") int effectiveLeadTimeDays,
    StockLevels levels) {
}
