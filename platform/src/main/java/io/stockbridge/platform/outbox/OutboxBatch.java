package io.stockbridge.platform.outbox;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the dispatcher sends to {@code <path>/batch} of a batched path: several outbox events of one destination and
 * path, in the order they were written. The receiver answers each event by its {@code eventId} with the status a
 * single request would have had; an event it does not answer is sent again.
 * <p>
 * No OpenAPI annotations here: an annotated schema would be listed in every service's document, used or not.
 */
public record OutboxBatch(@NotNull @Size(min = 1, max = 500) List<@NotNull Item> events) {

  /**
   * One event. The payload is read per event, so one malformed event is refused alone instead of failing (and, at
   * the sender, endlessly retrying) the whole batch.
   */
  public record Item(String eventId, String eventType, String sellerId, JsonNode payload) {
  }

  /** The answer of a receiver whose single requests answer no body worth keeping: a status per event. */
  public record Answers(List<Answer> results) {
  }

  /** One event's answer; {@code code} and {@code detail} say why when it was refused or is to be sent again. */
  public record Answer(String eventId, int status, String code, String detail) {
  }
}
