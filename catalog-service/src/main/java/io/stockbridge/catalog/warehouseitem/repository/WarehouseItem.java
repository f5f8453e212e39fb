package io.stockbridge.catalog.warehouseitem.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A SKU as one warehouse's WMS knows it (rule WH-3: channel SKU code, warehouse barcode, WMS item id).
 */
@Entity
@Table(name = "warehouse_item")
public class WarehouseItem {
  @Id
  public UUID id;

  @Column(name = "seller_id", nullable = false)
  public String sellerId;

  @Column(name = "seller_sku", nullable = false)
  public String sellerSku;

  @Column(name = "warehouse_id", nullable = false)
  public String warehouseId;

  @Column(name = "wms_item_id", nullable = false)
  public String wmsItemId;

  /** The barcode the warehouse has on file for the item. */
  public String barcode;

  @Column(name = "updated_at", nullable = false)
  public OffsetDateTime updatedAt;
}
