package io.stockbridge.console.stock.client;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One change of a SKU's balance in a warehouse, with its buckets before and after (INV-5). */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuditEntry(String sellerSku, String warehouseId, Map<String, Object> before, Map<String, Object> after,
    OffsetDateTime at) {
  /** The available quantity after the change; -1 when the entry does not carry it. */
  public long availableAfter() {
    return available(after);
  }

  /** The available quantity before the change; -1 when the entry does not carry it. */
  public long availableBefore() {
    return available(before);
  }

  private static long available(Map<String, Object> state) {
    return state != null && state.get("available") instanceof Number number ? number.longValue() : -1;
  }
}
