package io.stockbridge.platform.outbox;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the dispatcher sends to {@code <path>/batch} of a batched path: several outbox events of one destination and
 * path, in the order they were written. The receiver answers each event by its {@code eventId} with the status a
 * single request would have had; an event it does not answer is sent again.
 */
@Schema(description = "Several events in one request, as the outbox sends them; each is judged on its own")
public record OutboxBatch(@NotNull @Size(min = 1, max = 500) List<@NotNull Item> events) {

  /**
   * One event. The payload is read per event, so one malformed event is refused alone instead of failing (and, at
   * the sender, endlessly retrying) the whole batch.
   */
  @Schema(description = "An event with the seller it belongs to")
  public record Item(String eventId, String eventType, String sellerId, JsonNode payload) {
  }

  /** The answer of a receiver whose single requests answer no body worth keeping: a status per event. */
  @Schema(description = "Each event's own answer, by the status a single request would have had")
  public record Answers(List<Answer> results) {
  }

  /** One event's answer; {@code code} and {@code detail} say why when it was refused or is to be sent again. */
  @Schema(description = "One event's answer")
  public record Answer(String eventId, int status, String code, String detail) {
  }
}
