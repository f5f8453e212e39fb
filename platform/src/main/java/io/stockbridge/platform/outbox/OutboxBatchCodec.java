package io.stockbridge.platform.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;

/** The batched delivery's wire format: the request carrying several events, and the receiver's answer per event. */
@ApplicationScoped
public class OutboxBatchCodec {
  private final ObjectMapper mapper;

  public OutboxBatchCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** {"events": [{"eventId", "eventType", "sellerId", "payload"}]}; payloads are stored JSON, embedded as they are. */
  String body(List<ClaimedEvent> events) throws JsonProcessingException {
    StringBuilder body = new StringBuilder("{\"events\":[");
    for (int i = 0; i < events.size(); i++) {
      ClaimedEvent event = events.get(i);
      body.append(i == 0 ? "" : ",")
          .append("{\"eventId\":").append(mapper.writeValueAsString(event.id().toString()))
          .append(",\"eventType\":").append(mapper.writeValueAsString(event.eventType()))
          .append(",\"sellerId\":").append(mapper.writeValueAsString(event.sellerId()))
          .append(",\"payload\":").append(event.payload()).append('}');
    }
    return body.append("]}").toString();
  }

  /**
   * The receiver's {"results": [{"eventId", "status", "code", "detail", "retryable"}]}; an unreadable answer counts
   * as no answer.
   */
  Map<UUID, ReceiverAnswer> answers(String response) {
    Map<UUID, ReceiverAnswer> statuses = new HashMap<>();
    try {
      mapper.readTree(response).path("results").forEach(result -> statuses.put(
          UUID.fromString(result.path("eventId").asText()), ReceiverAnswer.of(result.path("status").asInt(500),
              result.path("code").asText(null), result.path("detail").asText(null),
              result.path("retryable").asBoolean(false))));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      Log.warnf("A batch answer could not be read; its events will be sent again: %s", e.getMessage());
      return Map.of();
    }
    return statuses;
  }
}
