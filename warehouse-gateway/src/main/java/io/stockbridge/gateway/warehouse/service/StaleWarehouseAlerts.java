package io.stockbridge.gateway.warehouse.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.stockbridge.gateway.config.GatewayConfig;
import io.stockbridge.platform.alert.AlertSource;
import io.stockbridge.platform.alert.AlertSources;

/**
 * Warehouses that stopped sending stock data, told to the seller's alert feed (WH-2: the channel delists a SKU whose
 * stock is not synced within 15 minutes): an enabled warehouse whose last data is older than its promise (15 min for
 * API warehouses, 4 h for CSV ones, as {@code syncState} shows). A warehouse that never sent anything is not stale
 * yet; a disabled one is not watched. The cause is the warehouse; it clears with the next data.
 */
@ApplicationScoped
public class StaleWarehouseAlerts implements AlertSources {
  private static final String STALE = """
      select seller_id, id::text as cause, null as seller_sku, id::text as warehouse_id,
        'Warehouse ' || code || ' sent no stock data since ' || to_char(last_sync at time zone 'UTC',
          'YYYY-MM-DD HH24:MI') || ' UTC; the channel delists SKUs not synced within 15 minutes' as summary,
        jsonb_build_object('warehouseCode', code, 'adapter', adapter, 'lastSyncAt', last_sync,
          'staleAfterSeconds', window_seconds) as details
      from (select w.*, greatest((select max(e.created_at) from inbound_event e where e.warehouse_id = w.id),
              w.last_successful_poll_at) as last_sync,
              case when w.adapter = 'CSV' then $2::bigint else $3::bigint end as window_seconds
            from warehouse_connection w where w.enabled) w
      where last_sync < $1::timestamptz - window_seconds * interval '1 second'""";

  private final GatewayConfig config;

  public StaleWarehouseAlerts(GatewayConfig config) {
    this.config = config;
  }

  @Override
  public List<AlertSource> alertSources(OffsetDateTime now) {
    return List.of(new AlertSource("WAREHOUSE_STALE", STALE, List.of(config.staleness().csvAfter().toSeconds(),
        config.staleness().apiAfter().toSeconds())));
  }
}
