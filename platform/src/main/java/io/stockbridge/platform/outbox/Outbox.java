package io.stockbridge.platform.outbox;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes events into the outbox table inside the caller's transaction: the event exists if and only if the change
 * it reports was committed. The {@link OutboxDispatcher} delivers it later.
 * <p>
 * An event with a {@link OutboxMessage.Coalesce} supersedes the waiting events of its key that are older in the
 * source's order (those not claimed by a dispatcher, or whose claim lapsed): they are marked SUPERSEDED and never
 * sent. A backlog of absolute values (stock snapshots) thus shrinks to the newest value per key instead of being
 * replayed in full, while an older value arriving late never replaces a newer one.
 */
@ApplicationScoped
public class Outbox {
  private static final String INSERT = """
      insert into outbox_event (id, seller_id, destination, path, event_type, payload, coalesce_key, coalesce_order,
        sequence_key, subject, traceparent, created_at, available_at)
      select id, seller, destination, path, event_type, payload, coalesce_key, coalesce_order, sequence_key, subject,
        $11, $12::timestamptz + (n - 1) * interval '1 microsecond', $12
      from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
          $9::text[], $10::text[])
        with ordinality as e(id, seller, destination, path, event_type, payload, coalesce_key, coalesce_order,
          sequence_key, subject, n)""";
  private static final String SUPERSEDE = """
      update outbox_event o set status = 'SUPERSEDED', claimed_until = null
      from unnest($1::text[], $2::text[], $3::text[]) as newer(destination, coalesce_key, coalesce_order)
      where o.status = 'PENDING' and o.destination = newer.destination and o.coalesce_key = newer.coalesce_key
        and left(o.coalesce_order, 1) = left(newer.coalesce_order, 1) and o.coalesce_order < newer.coalesce_order
        and (o.claimed_until is null or o.claimed_until < $4)
      returning o.destination""";

  private final ObjectMapper mapper;
  private final OutboxConfig config;
  private final MeterRegistry meters;
  private final SuiteClock clock;

  public Outbox(ObjectMapper mapper, OutboxConfig config, MeterRegistry meters, SuiteClock clock) {
    this.mapper = mapper;
    this.config = config;
    this.meters = meters;
    this.clock = clock;
  }

  /**
   * Call from a {@code @WithTransaction} method; returns the event id, which the receiver sees as its idempotency key.
   * An event that coalesces first supersedes the older waiting events of its key (the same rule as
   * {@link #enqueueAll}); an older value than one already waiting is still written and delivered, since the
   * receiver orders by the value's own version.
   */
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
    OffsetDateTime now = clock.now();
    OutboxMessage.Coalesce coalesce = message.coalesce();
    return Panache.getSession().chain(session -> {
      Uni<Void> superseded = coalesce == null ? Uni.createFrom().voidItem() : session.createNativeQuery(
              "update outbox_event set status = 'SUPERSEDED', claimed_until = null where status = 'PENDING' "
                  + "and destination = :destination and coalesce_key = :key "
                  + "and left(coalesce_order, 1) = left(:order, 1) and coalesce_order < :order "
                  + "and (claimed_until is null or claimed_until < :now)")
          .setParameter("destination", message.destination()).setParameter("key", coalesce.key())
          .setParameter("order", coalesce.order()).setParameter("now", now)
          .executeUpdate()
          .invoke(count -> countSuperseded(message.destination(), count)).replaceWithVoid();
      // a null parameter has no type PostgreSQL can infer: an event that does not coalesce leaves the columns out
      String columns = (coalesce == null ? "" : "coalesce_key, coalesce_order, ")
          + (message.sequenceKey() == null ? "" : "sequence_key, ") + (message.subject() == null ? "" : "subject, ");
      String values = (coalesce == null ? "" : ":key, :order, ") + (message.sequenceKey() == null ? "" : ":sequence, ")
          + (message.subject() == null ? "" : ":subject, ");
      return superseded.chain(() -> {
        var insert = session.createNativeQuery("insert into outbox_event (id, seller_id, destination, path, "
                + "event_type, payload, " + columns + "traceparent, created_at, available_at) values (:id, :seller, "
                + ":destination, :path, :type, :payload, " + values + ":traceparent, :now, :now)")
            .setParameter("id", id).setParameter("seller", message.sellerId())
            .setParameter("destination", message.destination()).setParameter("path", message.path())
            .setParameter("type", message.eventType()).setParameter("payload", payload)
            .setParameter("traceparent", currentTraceparent()).setParameter("now", now);
        if (coalesce != null) {
          insert.setParameter("key", coalesce.key()).setParameter("order", coalesce.order());
        }
        if (message.sequenceKey() != null) {
          insert.setParameter("sequence", message.sequenceKey());
        }
        if (message.subject() != null) {
          insert.setParameter("subject", message.subject());
        }
        return insert.executeUpdate();
      });
    }).replaceWith(id);
  }

  /**
   * Writes several events in one statement on {@code client}, which must be the connection of the caller's
   * transaction (for code that works on the SQL client rather than a Hibernate session); returns the ids written.
   * Of several events with one coalescing key in the list, only the newest is written.
   */
  public Uni<List<UUID>> enqueueAll(SqlClient client, List<OutboxMessage> messages) {
    Statements statements;
    try {
      statements = statements(messages);
    } catch (IllegalArgumentException | JsonProcessingException e) {
      return Uni.createFrom().failure(e);
    }
    if (statements.ids().isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    Uni<Void> superseded = statements.supersede() == null ? Uni.createFrom().voidItem()
        : client.preparedQuery(SUPERSEDE).execute(statements.supersede())
            .invoke(rows -> rows.forEach(row -> countSuperseded(row.getString(0), 1))).replaceWithVoid();
    // created_at rises with the list's order, so the dispatcher sends the events in that order
    return superseded.chain(() -> client.preparedQuery(INSERT).execute(statements.insert()))
        .replaceWith(statements.ids());
  }

  /** The insert of the events worth writing and, when some coalesce, the superseding of older waiting ones. */
  private record Statements(List<UUID> ids, Tuple insert, Tuple supersede) {
  }

  private Statements statements(List<OutboxMessage> given) throws JsonProcessingException {
    Map<String, OutboxMessage> newest = new HashMap<>();
    for (OutboxMessage message : given) {
      if (!config.destinations().containsKey(message.destination())) {
        throw new IllegalArgumentException("No URL configured for outbox destination '" + message.destination() + "'");
      }
      if (message.coalesce() != null) {
        newest.merge(message.destination() + "\n" + message.coalesce().key(), message,
            (kept, next) -> next.coalesce().newerThan(kept.coalesce()) ? next : kept);
      }
    }
    List<OutboxMessage> messages = new ArrayList<>();
    for (OutboxMessage message : given) {
      OutboxMessage newestOfKey = message.coalesce() == null ? message
          : newest.get(message.destination() + "\n" + message.coalesce().key());
      if (newestOfKey.coalesce() != null && newestOfKey.coalesce().newerThan(message.coalesce())) {
        countSuperseded(message.destination(), 1);
      } else {
        messages.add(message);
      }
    }
    int size = messages.size();
    List<UUID> ids = new ArrayList<>(size);
    String[][] columns = new String[9][size];
    for (int i = 0; i < size; i++) {
      OutboxMessage message = messages.get(i);
      ids.add(UUID.randomUUID());
      columns[0][i] = message.sellerId();
      columns[1][i] = message.destination();
      columns[2][i] = message.path();
      columns[3][i] = message.eventType();
      columns[4][i] = mapper.writeValueAsString(message.payload());
      columns[5][i] = message.coalesce() == null ? null : message.coalesce().key();
      columns[6][i] = message.coalesce() == null ? null : message.coalesce().order();
      columns[7][i] = message.sequenceKey();
      columns[8][i] = message.subject();
    }
    OffsetDateTime now = clock.now();
    Tuple insert = Tuple.tuple(Arrays.asList(ids.toArray(UUID[]::new), columns[0], columns[1], columns[2], columns[3],
        columns[4], columns[5], columns[6], columns[7], columns[8], currentTraceparent(), now));
    List<OutboxMessage> keyed = messages.stream().filter(m -> m.coalesce() != null).toList();
    Tuple supersede = keyed.isEmpty() ? null : Tuple.of(
        keyed.stream().map(OutboxMessage::destination).toArray(String[]::new),
        keyed.stream().map(m -> m.coalesce().key()).toArray(String[]::new),
        keyed.stream().map(m -> m.coalesce().order()).toArray(String[]::new), now);
    return new Statements(ids, insert, supersede);
  }

  private void countSuperseded(String destination, int count) {
    if (count > 0) {
      meters.counter("stockbridge.outbox.superseded", "destination", destination).increment(count);
    }
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
