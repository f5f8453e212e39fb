package io.stockbridge.catalog.warehouseitem;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stockbridge.catalog.warehouseitem.repository.WarehouseItem;

@Schema(description = "A SKU in one warehouse's WMS")
@RegisterForReflection
public record WarehouseItemView(String sellerSku, String warehouseId, String wmsItemId, String barcode,
    OffsetDateTime updatedAt) {

  public static WarehouseItemView of(WarehouseItem item) {
    return new WarehouseItemView(item.sellerSku, item.warehouseId, item.wmsItemId, item.barcode, item.updatedAt);
  }
}
