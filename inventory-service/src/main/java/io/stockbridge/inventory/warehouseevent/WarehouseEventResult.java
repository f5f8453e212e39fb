package io.stockbridge.inventory.warehouseevent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.stockbridge.inventory.stock.StockLevels;

@Schema(description = "What a warehouse event did")
@RegisterForReflection
public record WarehouseEventResult(String eventId, Outcome outcome, StockLevels levels) {

  public enum Outcome {
    /** The event changed the ledger (or confirmed it). */
    APPLIED,
    /** A snapshot observed before the one already applied: ignored, never applied. */
    STALE
  }
}
