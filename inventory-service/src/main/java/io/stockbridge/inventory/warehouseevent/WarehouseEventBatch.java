package io.stockbridge.inventory.warehouseevent;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a batch of warehouse events (the request is the outbox's {@code OutboxBatch}, each payload a
 * {@link WarehouseEvent}).
 */
public final class WarehouseEventBatch {
  private WarehouseEventBatch() {
  }

  @Schema(description = "Each event's own answer, by the status a single request would have had")
  public record Results(List<Result> results) {
  }

  @Schema(description = "One event's answer")
  public record Result(String eventId, int status, WarehouseEventResult result, String code, String detail,
      @Schema(description = "true when a refusal may succeed later (e.g. a SKU not registered yet): send it again")
      boolean retryable) {

    public Result(String eventId, int status, WarehouseEventResult result, String code, String detail) {
      this(eventId, status, result, code, detail, false);
    }
  }
}
