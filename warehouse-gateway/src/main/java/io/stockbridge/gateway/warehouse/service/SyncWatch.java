package io.stockbridge.gateway.warehouse.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.config.GatewayConfig;
import io.stockbridge.gateway.warehouse.repository.AdapterType;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnection;
import io.stockbridge.platform.persistence.SqlRow;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * When each warehouse last delivered stock data (a webhook, a poll or a file reaching the inbox), and whether that
 * is too long ago (rule WH-2). Derived from the inbox, so the hot intake path writes nothing extra. The number of
 * stale warehouses is a metric ({@code stockbridge_gateway_warehouses_stale}) to alert on.
 */
@ApplicationScoped
public class SyncWatch {
  private final GatewayConfig config;
  private final Pool pool;
  private final AtomicLong stale = new AtomicLong();
  private final SuiteClock clock;

  public SyncWatch(GatewayConfig config, Pool pool, MeterRegistry meters, SuiteClock clock) {
    this.config = config;
    this.pool = pool;
    meters.gauge("stockbridge.gateway.warehouses.stale", stale);
    this.clock = clock;
  }

  /**
   * When each warehouse last delivered stock data: its last inbox arrival, or its last good poll (a poll of a
   * warehouse whose stock did not change stores nothing new, yet proves the data fresh); call within a session.
   */
  public Uni<Map<UUID, OffsetDateTime>> lastSync(Collection<WarehouseConnection> warehouses) {
    if (warehouses.isEmpty()) {
      return Uni.createFrom().item(Map.of());
    }
    List<UUID> warehouseIds = warehouses.stream().map(w -> w.id).toList();
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select warehouse_id, max(created_at) as last_arrival from inbound_event where warehouse_id in (:ids) "
                + "group by warehouse_id", Tuple.class)
        .setParameter("ids", warehouseIds).getResultList())
        .map(rows -> {
          Map<UUID, OffsetDateTime> last = new HashMap<>();
          SqlRow.of(rows).forEach(row -> last.put(row.uuid("warehouse_id"), row.timestamp("last_arrival")));
          warehouses.stream().filter(w -> w.lastSuccessfulPollAt != null).forEach(w -> last.merge(w.id,
              w.lastSuccessfulPollAt, (arrival, poll) -> arrival.isAfter(poll) ? arrival : poll));
          return last;
        });
  }

  public SyncState state(WarehouseConnection warehouse, OffsetDateTime lastSync) {
    if (lastSync == null) {
      return SyncState.NEVER;
    }
    Duration window = warehouse.adapter == AdapterType.CSV ? config.staleness().csvAfter() : config.staleness().apiAfter();
    return lastSync.plus(window).isBefore(clock.now()) ? SyncState.STALE : SyncState.FRESH;
  }

  @Scheduled(every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> countStaleOnSchedule() {
    return countStale()
        .onFailure().invoke(e -> Log.warnf("Could not count stale warehouses: %s", e.getMessage()))
        .onFailure().recoverWithNull()
        .replaceWithVoid();
  }

  /** Counts the enabled warehouses whose data is stale and publishes the figure; returns it. */
  public Uni<Long> countStale() {
    return pool.preparedQuery("select count(*) from warehouse_connection w where w.enabled and greatest("
            + "(select max(e.created_at) from inbound_event e where e.warehouse_id = w.id), w.last_successful_poll_at) "
            + "< $3::timestamptz - (case when w.adapter = 'CSV' then $1::bigint else $2::bigint end) * interval '1 second'")
        .execute(io.vertx.mutiny.sqlclient.Tuple.of(config.staleness().csvAfter().toSeconds(),
            config.staleness().apiAfter().toSeconds(), clock.now()))
        .map(rows -> rows.iterator().next().getLong(0))
        .invoke(stale::set);
  }
}
