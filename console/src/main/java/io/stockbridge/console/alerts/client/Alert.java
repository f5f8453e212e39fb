package io.stockbridge.console.alerts.client;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An open alert of the seller's: one per cause while it holds. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Alert(UUID id, String type, String status, String sellerSku, String warehouseId, String summary,
    Map<String, Object> details, OffsetDateTime openedAt, OffsetDateTime acknowledgedAt) {
  public Alert {
    details = details == null ? Map.of() : details;
  }

  /** Until when a LISTING_LOCKED alert's SKU may not be submitted (LST-4); null for other alerts. */
  public String lockedUntil() {
    return "LISTING_LOCKED".equals(type) && details.get("lockedUntil") != null ? details.get("lockedUntil").toString()
        : null;
  }

  public boolean acknowledged() {
    return acknowledgedAt != null;
  }
}
