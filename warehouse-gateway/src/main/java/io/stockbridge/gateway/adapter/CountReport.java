package io.stockbridge.gateway.adapter;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A partner's answer to a count request (rule CNT-1), in Stockbridge's own vocabulary:
 *
 * <pre>
 * {"type": "count.completed", "data": {"countId": "6f1c...", "items": [{"itemId": "WMS-123", "counted": 47}]}}
 * </pre>
 *
 * {@code counted} is every unit of the item the warehouse found on its shelves.
 */
public record CountReport(UUID countId, List<CountedItem> items) {
  public static final String TYPE = "count.completed";

  /** One item as counted. */
  public record CountedItem(String itemId, long counted) {
  }

  /** Whether the payload is a count report at all (else it is read as stock levels). */
  public static boolean isOne(JsonNode payload) {
    return TYPE.equals(payload.path("type").asText());
  }

  /** @throws WmsAdapter.UnreadablePayload naming what is wrong */
  public static CountReport read(JsonNode payload) {
    JsonNode data = payload.path("data");
    UUID countId;
    try {
      countId = UUID.fromString(WmsAdapter.text(data, "countId"));
    } catch (IllegalArgumentException e) {
      throw new WmsAdapter.UnreadablePayload("data.countId is not the id of a count");
    }
    JsonNode items = data.path("items");
    if (!items.isArray() || items.isEmpty()) {
      throw new WmsAdapter.UnreadablePayload("data.items must list at least one item");
    }
    List<CountedItem> counted = new ArrayList<>();
    for (JsonNode item : items) {
      if (!item.hasNonNull("counted")) {
        throw new WmsAdapter.UnreadablePayload("counted is required for every item");
      }
      long units = WmsAdapter.quantity(item, "counted");
      if (units > ReadingLimits.MAX_QUANTITY) {
        throw new WmsAdapter.UnreadablePayload("counted must be at most " + ReadingLimits.MAX_QUANTITY);
      }
      counted.add(new CountedItem(WmsAdapter.text(item, "itemId"), units));
    }
    return new CountReport(countId, counted);
  }
}
