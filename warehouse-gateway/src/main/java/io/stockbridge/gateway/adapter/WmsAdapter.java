package io.stockbridge.gateway.adapter;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads one warehouse API style's payload into item readings. Each adapter keeps every assumption about its
 * partner's vocabulary in its own class, with its mapping table.
 */
public interface WmsAdapter {
  /**
   * @param payload the partner's JSON as received
   * @param sentAt  when the partner sent or we fetched it, for styles that carry no observation time
   * @throws UnreadablePayload when the payload is not of this style
   */
  List<ItemReading> read(JsonNode payload, OffsetDateTime sentAt);

  /** A payload that does not follow the style: the event is rejected with this reason. */
  final class UnreadablePayload extends RuntimeException {
    public UnreadablePayload(String reason) {
      super(reason, null, false, false);
    }
  }

  static long quantity(JsonNode item, String field) {
    JsonNode value = item.get(field);
    if (value == null || value.isNull()) {
      return 0;
    }
    if (!value.canConvertToLong() || value.asLong() < 0) {
      throw new UnreadablePayload(field + " is not a non-negative whole number");
    }
    return value.asLong();
  }

  static String text(JsonNode item, String field) {
    JsonNode value = item.get(field);
    if (value == null || value.isNull() || value.asText().isBlank()) {
      throw new UnreadablePayload(field + " is missing");
    }
    return value.asText();
  }
}
