package io.stockbridge.inventory.alert.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.stockbridge.inventory.alert.AlertType;
import io.stockbridge.platform.alert.AlertSource;
import io.stockbridge.platform.outbox.DeadLetterAlerts;
import io.stockbridge.inventory.alert.config.AlertConfig;

/**
 * The causes the ledger itself can see, as set-based queries over balances, age layers, sales and calibration tasks.
 * A cause names the SKU and warehouse ({@code sku|warehouse}), the SKU, or the calibration task: one alert per cause.
 */
@ApplicationScoped
public class LedgerAlertRules {
  private static final String ITEM = "seller_sku || '|' || warehouse_id";

  // CNT-2: the units not promised to orders fell below the safety stock
  private static final String BELOW_SAFETY_STOCK = """
      select seller_id, %s as cause, seller_sku, warehouse_id,
        seller_sku || ' in ' || warehouse_id || ': ' || unreserved || ' unreserved units, below the safety stock of '
          || safety_stock as summary,
        jsonb_build_object('unreserved', unreserved, 'safetyStock', safety_stock, 'reserved', reserved) as details
      from stock_balance where safety_stock > 0 and unreserved < safety_stock""".formatted(ITEM);

  // CNT-2: what is on the shelf, in QC and on the way no longer covers the lead time's sales and the safety stock
  private static final String REPLENISH = """
      select seller_id, %s as cause, seller_sku, warehouse_id,
        seller_sku || ' in ' || warehouse_id || ': ' || position || ' units on hand and inbound cover less than '
          || lead || ' days of sales; reorder ' || suggested as summary,
        jsonb_build_object('dailySales', round(daily, 2), 'leadTimeDays', lead, 'reorderPoint', reorder_point,
          'onHandAndInbound', position, 'safetyStock', safety_stock, 'soldInWindow', sold, 'windowDays', $3::int,
          'suggestedQuantity', suggested) as details
      from (select p.*, ceil(daily * (lead + $5::int))::bigint + safety_stock - position as suggested
            from (select b.seller_id, b.seller_sku, b.warehouse_id, b.safety_stock, s.sold,
                    s.sold::numeric / $3::int as daily, coalesce(b.lead_time_days, $4::int) as lead,
                    b.unreserved + b.qc + b.in_transit as position,
                    b.safety_stock + ceil(s.sold::numeric / $3::int * coalesce(b.lead_time_days, $4::int))::bigint
                      as reorder_point
                  from stock_balance b
                  join (select seller_id, seller_sku, warehouse_id, sum(units) as sold from sales_day
                        where day > $2::date group by 1, 2, 3) s using (seller_id, seller_sku, warehouse_id)) p
            where position <= reorder_point) r""".formatted(ITEM);

  // CNT-3: units held since before the slow-moving period and not one sold within it
  private static final String SLOW_MOVING = """
      select b.seller_id, b.seller_sku || '|' || b.warehouse_id as cause, b.seller_sku, b.warehouse_id,
        b.seller_sku || ' in ' || b.warehouse_id || ': ' || l.held || ' units held without a sale for '
          || $3::int || ' days' as summary,
        jsonb_build_object('unitsHeld', l.held, 'oldestReceivedAt', l.oldest, 'lastSoldOn',
          (select max(day) from sales_day s where s.seller_id = b.seller_id and s.seller_sku = b.seller_sku
             and s.warehouse_id = b.warehouse_id), 'slowMovingAfterDays', $3::int) as details
      from stock_balance b
      join (select seller_id, seller_sku, warehouse_id, min(received_at) as oldest, sum(remaining) as held
            from receipt_layer where remaining > 0 group by 1, 2, 3) l using (seller_id, seller_sku, warehouse_id)
      where l.oldest <= $2::timestamptz
        and not exists (select 1 from sales_day s where s.seller_id = b.seller_id and s.seller_sku = b.seller_sku
          and s.warehouse_id = b.warehouse_id and s.day >= ($2::timestamptz at time zone 'UTC')::date)""";

  // CNT-4: the share of units older than the aged-stock age reached its limit
  private static final String AGED_STOCK = """
      select seller_id, %s as cause, seller_sku, warehouse_id,
        seller_sku || ' in ' || warehouse_id || ': ' || aged || ' of ' || held || ' units are older than ' || $3::int
          || ' days' as summary,
        jsonb_build_object('agedUnits', aged, 'unitsHeld', held, 'agedSharePercent',
          round(aged * 100.0 / held, 1), 'agedAfterDays', $3::int) as details
      from (select seller_id, seller_sku, warehouse_id, sum(remaining) as held,
              coalesce(sum(remaining) filter (where received_at <= $2::timestamptz), 0) as aged
            from receipt_layer where remaining > 0 group by 1, 2, 3) l
      where aged > 0 and aged * 100.0 >= $4::float8 * held""".formatted(ITEM);

  // INV-4: flagged for its edit rate within the review period
  private static final String EDIT_RATE_FLAGGED = """
      select seller_id, seller_sku as cause, seller_sku, null as warehouse_id,
        seller_sku || ' was flagged: ' || flag_reason as summary,
        jsonb_build_object('flaggedAt', flagged_at, 'reason', flag_reason) as details
      from known_sku where flagged_at > $2::timestamptz""";

  // WH-4: a calibration task waiting for the seller, and one past its due time
  private static final String CALIBRATION = """
      select seller_id, id::text as cause, seller_sku, warehouse_id,
        seller_sku || ' in ' || warehouse_id || ': the warehouse''s reading differs from the ledger by ' || unexplained
          || ' units' || case when status = 'ESCALATED' then '; overdue since ' || due_at || ', no new orders'
          else '; explain it by ' || due_at end as summary,
        jsonb_build_object('calibrationId', id, 'unexplained', unexplained, 'withheld', withheld, 'dueAt', due_at)
          as details
      from calibration_task where status = $2::text""";

  // WH-2: the warehouse still sends readings, but none of this SKU for longer than the channel waits (a SKU its WMS
  // stopped reporting, or a mapping gone); a warehouse that sends nothing at all is the gateway's WAREHOUSE_STALE
  private static final String SKU_STALE = """
      select b.seller_id, b.seller_sku || '|' || b.warehouse_id as cause, b.seller_sku, b.warehouse_id,
        b.seller_sku || ' in ' || b.warehouse_id || ': no reading since '
          || to_char(b.snapshot_observed_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' UTC while the warehouse '
          || 'reports other SKUs; the channel delists SKUs not synced within 15 minutes' as summary,
        jsonb_build_object('lastReadingAt', b.snapshot_observed_at, 'warehouseLastReadingAt', w.latest,
          'staleAfterSeconds', $3::bigint) as details
      from stock_balance b
      join (select seller_id, warehouse_id, max(snapshot_observed_at) as latest from stock_balance
            where snapshot_observed_at is not null group by 1, 2) w using (seller_id, warehouse_id)
      where b.snapshot_observed_at < $2::timestamptz and w.latest >= $2::timestamptz""";

  private final AlertConfig config;

  public LedgerAlertRules(AlertConfig config) {
    this.config = config;
  }

  /** Every rule of the ledger, with its parameters as of {@code now}. */
  public List<AlertSource> rules(OffsetDateTime now) {
    AlertConfig.Replenishment replenishment = config.replenishment();
    int windowDays = (int) Math.max(1, replenishment.salesWindow().toDays());
    return List.of(
        new AlertSource(AlertType.BELOW_SAFETY_STOCK.name(), BELOW_SAFETY_STOCK, List.of()),
        new AlertSource(AlertType.REPLENISH.name(), REPLENISH, List.of(now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate()
            .minusDays(windowDays), windowDays, replenishment.defaultLeadTimeDays(), replenishment.coverDays())),
        new AlertSource(AlertType.SLOW_MOVING.name(), SLOW_MOVING, List.of(now.minus(config.slowMovingAfter()),
            (int) config.slowMovingAfter().toDays())),
        new AlertSource(AlertType.AGED_STOCK.name(), AGED_STOCK, List.of(now.minus(config.agedAfter()),
            (int) config.agedAfter().toDays(), config.agedSharePercent())),
        new AlertSource(AlertType.EDIT_RATE_FLAGGED.name(), EDIT_RATE_FLAGGED, List.of(now.minus(config.editFlagShownFor()))),
        new AlertSource(AlertType.SKU_STALE.name(), SKU_STALE, List.of(now.minus(config.skuStaleAfter()),
            config.skuStaleAfter().toSeconds())),
        new AlertSource(AlertType.CALIBRATION_OPEN.name(), CALIBRATION, List.of("OPEN")),
        new AlertSource(AlertType.CALIBRATION_OVERDUE.name(), CALIBRATION, List.of("ESCALATED")),
        // the ledger's own dead letters go straight to its own feed, as the other services report theirs
        DeadLetterAlerts.source());
  }
}
