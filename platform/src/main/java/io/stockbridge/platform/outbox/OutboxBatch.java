package io.stockbridge.platform.outbox;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.stockbridge.platform.problem.CommonProblem;

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

    /**
     * The payload read as {@code type} and validated, as a single request's body would be.
     *
     * @throws Unreadable when the id, seller or payload is missing, the payload is not a {@code type}, or it breaks
     *     the type's constraints (all of them named, in order)
     */
    public <T> T read(ObjectMapper mapper, Validator validator, Class<T> type) throws Unreadable {
      if (eventId == null || sellerId == null || sellerId.isBlank() || payload == null) {
        throw new Unreadable(CommonProblem.VALIDATION_FAILED.code(), "eventId, sellerId and payload are required");
      }
      T value;
      try {
        value = mapper.treeToValue(payload, type);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw new Unreadable(CommonProblem.MALFORMED_EVENT.code(), "The payload is not a " + type.getSimpleName());
      }
      Set<ConstraintViolation<T>> violations = validator.validate(value);
      if (!violations.isEmpty()) {
        throw new Unreadable(CommonProblem.VALIDATION_FAILED.code(), violations.stream()
            .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
      }
      return value;
    }
  }

  /** An event of the batch that cannot be taken as it is: refused alone (400), with a stable code. */
  public static final class Unreadable extends Exception {
    private final String code;

    public Unreadable(String code, String detail) {
      super(detail, null, false, false);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** The answer of a receiver whose single requests answer no body worth keeping: a status per event. */
  public record Answers(List<Answer> results) {
  }

  /** One event's answer; {@code code} and {@code detail} say why when it was refused or is to be sent again. */
  public record Answer(String eventId, int status, String code, String detail) {
  }
}
