package io.stockbridge.gateway.polling.client;

import java.util.Map;
import java.util.UUID;

import io.stockbridge.gateway.warehouse.repository.AdapterType;

/**
 * A warehouse to poll, with its WMS credentials opened (they stay in memory for the poll only, never logged).
 */
public record PollTarget(UUID warehouseId, String sellerId, AdapterType adapter, Map<String, String> credentials,
    String credentialsProblem, int pollIntervalSeconds, int failures) {

  /** A credential the adapter needs; a missing one, or credentials that could not be opened, fail the poll. */
  public String credential(String name) {
    if (credentialsProblem != null) {
      throw new PartnerError(credentialsProblem);
    }
    String value = credentials.get(name);
    if (value == null || value.isBlank()) {
      throw new PartnerError("the warehouse's credentials lack " + name);
    }
    return value;
  }

  @Override
  public String toString() {
    return "PollTarget[" + warehouseId + ", " + adapter + "]";
  }
}
