package io.stockbridge.catalog.warehouseitem;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.catalog.product.barcode.Gtin;

@Schema(description = "How a warehouse's WMS knows a SKU (rule WH-3)")
public record WarehouseItemMapping(
    @Schema(description = "The WMS's own item id") @NotBlank @Size(max = 128) String wmsItemId,
    @Schema(description = "The barcode the warehouse has on file; checked against the catalogue by the three-code check")
    @Gtin String barcode) {
}
