package io.stockbridge.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes events into the outbox table inside the caller's transaction: the event exists if and only if the change
 * it reports was committed. The {@link OutboxDispatcher} delivers it later.
 */
@ApplicationScoped
public class Outbox {
  private final ObjectMapper mapper;
  private final OutboxConfig config;

  public Outbox(ObjectMapper mapper, OutboxConfig config) {
    this.mapper = mapper;
    this.config = config;
  }

  /** Call from a {@code @WithTransaction} method; returns the event id, which the receiver sees as its idempotency key. */
  public Uni<UUID> enqueue(OutboxMessage message) {
    if (!config.destinations().containsKey(message.destination())) {
      return Uni.createFrom().failure(new IllegalArgumentException(
          "No URL configured for outbox destination '" + message.destination() + "'"));
    }
    UUID id = UUID.randomUUID();
    String payload;
    try {
      payload = mapper.writeValueAsString(message.payload());
    } catch (JsonProcessingException e) {
      return Uni.createFrom().failure(e);
    }
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "insert into outbox_event (id, seller_id, destination, path, event_type, payload, traceparent, "
                + "created_at, available_at) values (:id, :seller, :destination, :path, :type, :payload, "
                + ":traceparent, :now, :now)")
        .setParameter("id", id).setParameter("seller", message.sellerId())
        .setParameter("destination", message.destination()).setParameter("path", message.path())
        .setParameter("type", message.eventType()).setParameter("payload", payload)
        .setParameter("traceparent", currentTraceparent()).setParameter("now", OffsetDateTime.now())
        .executeUpdate())
        .replaceWith(id);
  }

  /** The W3C trace context of the change, so that the delivery joins the trace of the request that caused it. */
  private static String currentTraceparent() {
    SpanContext context = Span.current().getSpanContext();
    if (!context.isValid()) {
      return null;
    }
    return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
  }
}
