package io.stockbridge.inventory.stock;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stockbridge.inventory.stock.service.ItemChange;

@Schema(description = "How one SKU's stock in one warehouse changed")
@RegisterForReflection
public record BalanceChange(String sellerSku, String warehouseId, StockLevels before, StockLevels after) {

  public static BalanceChange of(ItemChange change) {
    return new BalanceChange(change.item().sellerSku(), change.item().warehouseId(), StockLevels.of(change.before()),
        StockLevels.of(change.after()));
  }

  /** The result of a batch of movements. */
  @RegisterForReflection
  public record Batch(List<BalanceChange> changes) {
    public static Batch of(List<ItemChange> changes) {
      return new Batch(changes.stream().map(BalanceChange::of).toList());
    }
  }
}
