package io.stockbridge.gateway.adapter;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * WINIT-style warehouse storage, one item as {@code queryWarehouseStorage} lists it.
 *
 * | WINIT field | bucket | why |
 * |---|---|---|
 * | pipelineInventory | in_transit | on its way to the warehouse |
 * | qtyAvailable + qtyWaitOut | sellable | on the shelf; units awaiting outbound are sold units our reservations cover |
 * | the same, when isReturnInventory is Y | qc | returned goods wait for inspection before they are sellable (STK-3) |
 * | qtyFrozen + qtyLostConfirming + qtyDestruction + prohibitFrozenQty + prohibitUsableQty | frozen | held: frozen, loss being confirmed, to be destroyed, or under a sales prohibition |
 * | preSaleWaitOutQty | ignored | pre-sold demand on inbound stock, not stock |
 *
 * {@code version} (yyyyMMddHHmmssSSS plus 4 digits) is the item's sequence: an older reading never overwrites a newer
 * one. The item id is {@code productCode}.
 */
public class WinitAdapter implements WmsAdapter {

  @Override
  public List<ItemReading> read(JsonNode storage, OffsetDateTime sentAt) {
    if (!storage.isObject()) {
      throw new UnreadablePayload("a WINIT storage record must be an object");
    }
    String version = storage.hasNonNull("version") ? storage.get("version").asText() : null;
    if (version != null && !version.matches("[0-9]{1,40}")) {
      throw new UnreadablePayload("version must be digits");
    }
    long onShelf = WmsAdapter.quantity(storage, "qtyAvailable") + WmsAdapter.quantity(storage, "qtyWaitOut");
    boolean returns = isYes(storage.get("isReturnInventory"));
    long held = WmsAdapter.quantity(storage, "qtyFrozen") + WmsAdapter.quantity(storage, "qtyLostConfirming")
        + WmsAdapter.quantity(storage, "qtyDestruction") + WmsAdapter.quantity(storage, "prohibitFrozenQty")
        + WmsAdapter.quantity(storage, "prohibitUsableQty");
    return List.of(new ItemReading(WmsAdapter.text(storage, "productCode"), sentAt, version,
        WmsAdapter.quantity(storage, "pipelineInventory"), returns ? onShelf : 0, held, returns ? 0 : onShelf));
  }

  private static boolean isYes(JsonNode flag) {
    return flag != null && (flag.asBoolean(false) || "Y".equalsIgnoreCase(flag.asText()));
  }
}
