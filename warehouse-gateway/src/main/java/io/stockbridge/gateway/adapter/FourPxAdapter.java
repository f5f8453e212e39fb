package io.stockbridge.gateway.adapter;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 4PX-style inventory: one SKU's rows from {@code fu.wms.inventory.get} (one per batch and quality), kept as
 * {@code {"sku_code": ..., "batches": [...]}}; no rows means the warehouse holds none of it.
 *
 * | 4PX field | bucket | why |
 * |---|---|---|
 * | onway_stock | in_transit | on its way to the warehouse |
 * | available_stock + pending_stock, stock_quality G | sellable | good stock on the shelf; pending units await outbound for orders our reservations cover |
 * | available_stock + pending_stock, any other quality | frozen | defective or damaged stock may not be sold |
 * | batch_no | summed | the ledger keeps a SKU per warehouse, not per batch |
 * | (none) | qc | 4PX reports no units under inspection |
 *
 * 4PX rows carry no version: readings are ordered by the time of the poll.
 */
public class FourPxAdapter implements WmsAdapter {
  private static final String GOOD = "G";

  @Override
  public List<ItemReading> read(JsonNode item, OffsetDateTime sentAt) {
    JsonNode batches = item.path("batches");
    if (!item.isObject() || !batches.isArray()) {
      throw new UnreadablePayload("a 4PX item must have sku_code and batches");
    }
    long inTransit = 0;
    long sellable = 0;
    long frozen = 0;
    for (JsonNode row : batches) {
      long onShelf = WmsAdapter.quantity(row, "available_stock") + WmsAdapter.quantity(row, "pending_stock");
      if (GOOD.equalsIgnoreCase(row.path("stock_quality").asText(GOOD))) {
        sellable += onShelf;
      } else {
        frozen += onShelf;
      }
      inTransit += WmsAdapter.quantity(row, "onway_stock");
    }
    return List.of(new ItemReading(WmsAdapter.text(item, "sku_code"), sentAt, null, inTransit, 0, frozen, sellable));
  }
}
