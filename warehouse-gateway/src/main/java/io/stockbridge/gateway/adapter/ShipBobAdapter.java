package io.stockbridge.gateway.adapter;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * ShipBob-style inventory levels (API version 2026-01): one level object, or an array of them.
 *
 * | ShipBob field | bucket | why |
 * |---|---|---|
 * | total_awaiting_quantity + total_internal_transfer_quantity | in_transit | inbound, or moving between fulfilment centres |
 * | total_exception_quantity | frozen | damaged, lost, under investigation |
 * | total_on_hand_quantity - total_exception_quantity | sellable | on the shelf; committed units are included, as our reservations cover them |
 * | (none) | qc | ShipBob does not report units under inspection |
 * | total_backordered_quantity | ignored | demand, not stock |
 * | total_fulfillable_quantity, total_sellable_quantity | cross-check only | derived figures (network-wide for sellable) |
 *
 * ShipBob levels carry no version or observation time: readings are ordered by when they were sent or fetched.
 * The item id is {@code inventory_id} (ShipBob's inventory id, one of the three codes of rule WH-3).
 */
public class ShipBobAdapter implements WmsAdapter {

  @Override
  public List<ItemReading> read(JsonNode payload, OffsetDateTime sentAt) {
    List<ItemReading> readings = new ArrayList<>();
    if (payload.isArray()) {
      payload.forEach(level -> readings.add(read(level, sentAt, true)));
    } else {
      readings.add(read(payload, sentAt, true));
    }
    if (readings.isEmpty()) {
      throw new UnreadablePayload("no inventory levels in the payload");
    }
    return readings;
  }

  private static ItemReading read(JsonNode level, OffsetDateTime sentAt, boolean strict) {
    if (!level.isObject()) {
      throw new UnreadablePayload("an inventory level must be an object");
    }
    long onHand = WmsAdapter.quantity(level, "total_on_hand_quantity");
    long exception = WmsAdapter.quantity(level, "total_exception_quantity");
    if (strict && exception > onHand) {
      throw new UnreadablePayload("total_exception_quantity exceeds total_on_hand_quantity");
    }
    return new ItemReading(WmsAdapter.text(level, "inventory_id"), sentAt, null,
        WmsAdapter.quantity(level, "total_awaiting_quantity") + WmsAdapter.quantity(level, "total_internal_transfer_quantity"),
        0, exception, onHand - exception);
  }
}
