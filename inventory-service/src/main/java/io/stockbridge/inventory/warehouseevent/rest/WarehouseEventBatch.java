package io.stockbridge.inventory.warehouseevent.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

@Schema(description = "Several warehouse events in one request, as the outbox sends them; each is judged on its own")
public record WarehouseEventBatch(@NotNull @Size(min = 1, max = 500) List<@NotNull Item> events) {

  /**
   * One event of the batch. The payload is read per event, so one malformed event is refused alone instead of
   * failing (and, at the sender, endlessly retrying) the whole batch.
   */
  @Schema(description = "An event with the seller it belongs to")
  public record Item(String eventId, String eventType, String sellerId,
      @Schema(implementation = WarehouseEvent.class) JsonNode payload) {
  }

  @Schema(description = "Each event's own answer, by the status a single request would have had")
  public record Results(List<Result> results) {
  }

  @Schema(description = "One event's answer")
  public record Result(String eventId, int status, WarehouseEventResult result, String code, String detail) {
  }
}
