package io.stockbridge.console.alerts.client;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A warehouse reading that disagreed with the ledger beyond the threshold (WH-4), waiting for the seller's reason. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record CalibrationTask(UUID id, String sellerSku, String warehouseId, String status, Figures expected,
    Figures observed, long unexplained, long withheld, boolean ordersBlocked, OffsetDateTime openedAt,
    OffsetDateTime dueAt) {
  /** Sellable units as each side saw them. */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Figures(long inTransit, long qc, long frozen, long sellable) {
  }
}
