package io.stockbridge.gateway.webhook.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes arrivals into the inbox in one auto-committed statement each, straight through the connection pool: the
 * arrival is durable when the statement returns, and the hot intake path pays for no ORM session.
 */
@ApplicationScoped
public class InboxWriter {
  /** One arrival: the sender's id for it (the dedupe key) and its raw JSON. */
  public record Arrival(String sourceEventId, String body) {
  }

  private static final String INSERT = """
      insert into inbound_event (id, warehouse_id, seller_id, source_event_id, source_timestamp, created_at, body, status)
      select gen_random_uuid(), $1, $2, source_id, $3, $4, body, 'RECEIVED'
      from unnest($5::text[], $6::text[]) as arrival(source_id, body)
      on conflict (warehouse_id, source_event_id) do nothing""";

  private final Pool pool;

  public InboxWriter(Pool pool) {
    this.pool = pool;
  }

  /** Stores the arrivals not seen before (same warehouse and source id); returns how many were new. */
  public Uni<Integer> storeAll(UUID warehouseId, String sellerId, OffsetDateTime sourceTimestamp, List<Arrival> arrivals) {
    if (arrivals.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    String[] ids = arrivals.stream().map(Arrival::sourceEventId).toArray(String[]::new);
    String[] bodies = arrivals.stream().map(Arrival::body).toArray(String[]::new);
    return pool.preparedQuery(INSERT)
        .execute(Tuple.tuple(List.of(warehouseId, sellerId, sourceTimestamp, OffsetDateTime.now(), ids, bodies)))
        .map(rows -> rows.rowCount());
  }
}
