package io.stockbridge.inventory.stock;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.stockbridge.inventory.stock.repository.BalanceState;

@Schema(description = "The buckets of a SKU in one warehouse (rule STK-1)")
public record StockLevels(
    @Schema(description = "Shipped to the warehouse, not yet received") long inTransit,
    @Schema(description = "Received, under quality check (also returns awaiting inspection)") long qc,
    @Schema(description = "Held: damaged, quarantined, under investigation") long frozen,
    @Schema(description = "On the shelf, reserved or not") long sellable,
    @Schema(description = "Part of sellable pre-allocated to orders") long reserved,
    @Schema(description = "Units kept back from the channel") long safetyStock,
    @Schema(description = "What the channel may show: max(0, sellable - reserved - safetyStock - withheld)") long available,
    @Schema(description = "Units kept from sale while a calibration task is unresolved (all of them once it is overdue), "
        + "rule WH-4") long withheld,
    @Schema(description = "Units reserved by orders that the warehouse says are no longer there") long shortfall,
    @Schema(description = "Changes on every change of this balance; send it as If-Match to edit") long version) {

  public static StockLevels of(BalanceState state) {
    return new StockLevels(state.inTransit(), state.qc(), state.frozen(), state.sellable(), state.reserved(),
        state.safetyStock(), state.available(), state.withheldNow(), state.shortfall(), state.version());
  }
}
