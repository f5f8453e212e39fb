package io.stockbridge.catalog.channelstock;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.catalog.channelstock.repository.ChannelStockRow;

@Schema(description = "What the ledger last reported as available for a SKU, per warehouse")
public record ChannelStockView(String sellerSku, long available, List<WarehouseStock> warehouses) {

  public static ChannelStockView of(String sellerSku, List<ChannelStockRow> rows) {
    return new ChannelStockView(sellerSku, rows.stream().mapToLong(ChannelStockRow::available).sum(),
        rows.stream().map(row -> new WarehouseStock(row.warehouseId(), row.available(), row.sellable(),
            row.reserved(), row.version(), row.changedAt(), row.receivedAt())).toList());
  }

  @Schema(description = "One warehouse's reported balance")
  public record WarehouseStock(String warehouseId, long available, long sellable, long reserved, long version,
      OffsetDateTime changedAt, OffsetDateTime receivedAt) {
  }
}
