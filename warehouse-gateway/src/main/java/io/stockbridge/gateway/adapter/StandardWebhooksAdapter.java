package io.stockbridge.gateway.adapter;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The generic partner: Standard Webhooks envelope, Stockbridge's own inventory vocabulary (nothing to translate).
 *
 * <pre>
 * {"type": "inventory.levels", "data": {"items": [
 *   {"itemId": "WMS-123", "observedAt": "2026-11-22T08:00:00Z", "sequence": "42",
 *    "inTransit": 0, "qc": 1, "frozen": 0, "sellable": 12}]}}
 * </pre>
 *
 * | field | bucket |
 * |---|---|
 * | inTransit | in_transit |
 * | qc | qc |
 * | frozen | frozen |
 * | sellable (every unit on the shelf) | sellable |
 *
 * {@code observedAt} defaults to the signed webhook timestamp; {@code sequence} is optional.
 */
public class StandardWebhooksAdapter implements WmsAdapter {
  public static final String TYPE = "inventory.levels";

  @Override
  public List<ItemReading> read(JsonNode payload, OffsetDateTime sentAt) {
    if (!TYPE.equals(payload.path("type").asText())) {
      throw new UnreadablePayload("type must be " + TYPE);
    }
    JsonNode items = payload.path("data").path("items");
    if (!items.isArray() || items.isEmpty()) {
      throw new UnreadablePayload("data.items must list at least one item");
    }
    List<ItemReading> readings = new ArrayList<>();
    for (JsonNode item : items) {
      OffsetDateTime observedAt = sentAt;
      if (item.hasNonNull("observedAt")) {
        try {
          observedAt = OffsetDateTime.parse(item.get("observedAt").asText());
        } catch (DateTimeParseException e) {
          throw new UnreadablePayload("observedAt is not an ISO 8601 instant");
        }
      }
      String sequence = item.hasNonNull("sequence") ? item.get("sequence").asText() : null;
      if (sequence != null && !sequence.matches("[0-9]{1,40}")) {
        throw new UnreadablePayload("sequence must be digits");
      }
      readings.add(new ItemReading(WmsAdapter.text(item, "itemId"), observedAt, sequence,
          WmsAdapter.quantity(item, "inTransit"), WmsAdapter.quantity(item, "qc"), WmsAdapter.quantity(item, "frozen"),
          WmsAdapter.quantity(item, "sellable")));
    }
    return readings;
  }
}
