package io.stockbridge.inventory.alert.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.alert.AlertSource;
import io.stockbridge.inventory.alert.config.AlertConfig;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Brings the alert feed in line with the ledger's rules: each rule's causes as they hold now open an alert each (one
 * per cause: an open or acknowledged alert of the cause is updated with the latest figures instead), and its alerts
 * whose cause is gone resolve. One statement per rule, whatever the number of sellers; a replica that finds another
 * sweeping a rule skips it, and two sweeping at once could not duplicate an alert anyway (one per cause is a unique
 * index).
 */
@ApplicationScoped
public class AlertSweep {
  static final String RAISED_BY = "inventory-service";
  private static final String TRY_LOCK = "select pg_try_advisory_xact_lock($1)";

  private final Pool pool;
  private final LedgerAlertRules rules;
  private final AlertConfig config;
  private final SuiteClock clock;
  private final Counter opened;
  private final Counter resolved;

  public AlertSweep(Pool pool, LedgerAlertRules rules, AlertConfig config, SuiteClock clock, MeterRegistry meters) {
    this.pool = pool;
    this.rules = rules;
    this.config = config;
    this.clock = clock;
    this.opened = Counter.builder("stockbridge_alerts_opened_total")
        .description("Alerts the ledger's rules opened").register(meters);
    this.resolved = Counter.builder("stockbridge_alerts_resolved_total")
        .description("Alerts of the ledger's rules resolved because their cause went away").register(meters);
  }

  /** What one rule's sweep did; {@code skipped} when another replica was sweeping it. */
  public record RuleSweep(String type, long opened, long updated, long resolved, boolean skipped) {
  }

  @Scheduled(every = "${stockbridge.inventory.alerts.sweep-interval:1m}", delayed = "15s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweepOnSchedule() {
    if (!config.enabled()) {
      return Uni.createFrom().voidItem();
    }
    return sweep()
        .onFailure().invoke(e -> Log.warnf("Alert sweep failed: %s", e.getMessage()))
        .onFailure().recoverWithNull()
        .replaceWithVoid();
  }

  /** Sweeps every rule once, one after another, each in a transaction of its own. */
  public Uni<List<RuleSweep>> sweep() {
    OffsetDateTime now = clock.now();
    List<RuleSweep> done = new ArrayList<>();
    return Multi.createFrom().iterable(rules.rules(now))
        .onItem().transformToUniAndConcatenate(rule -> sweep(rule, now).invoke(done::add))
        .collect().last()
        .replaceWith(done);
  }

  private Uni<RuleSweep> sweep(AlertSource rule, OffsetDateTime now) {
    List<Object> values = new ArrayList<>();
    values.add(now);
    values.addAll(rule.parameters());
    return pool.withTransaction(connection -> connection.preparedQuery(TRY_LOCK)
        .execute(Tuple.of(lockKey(rule.type())))
        .chain(locked -> {
          if (!locked.iterator().next().getBoolean(0)) {
            return Uni.createFrom().item(new RuleSweep(rule.type(), 0, 0, 0, true));
          }
          return connection.preparedQuery(statement(rule)).execute(Tuple.tuple(values)).map(rows -> {
            Row row = rows.iterator().next();
            return new RuleSweep(rule.type(), row.getLong("opened"), row.getLong("updated"), row.getLong("resolved"),
                false);
          });
        }))
        .invoke(sweep -> {
          opened.increment(sweep.opened());
          resolved.increment(sweep.resolved());
        });
  }

  private static long lockKey(String type) {
    return ("stockbridge.alert-sweep." + type).hashCode();
  }

  private static String statement(AlertSource rule) {
    return """
        with causes as materialized (%1$s),
        opened as (
          insert into alert (id, seller_id, type, cause, seller_sku, warehouse_id, status, summary, details,
            raised_by, opened_at, updated_at)
          select gen_random_uuid(), seller_id, '%2$s', cause, seller_sku, warehouse_id, 'OPEN', summary, details,
            '%3$s', $1::timestamptz, $1::timestamptz
          from causes order by seller_id, cause
          on conflict (seller_id, type, cause) where status <> 'RESOLVED'
            do update set summary = excluded.summary, details = excluded.details, updated_at = excluded.updated_at
            where alert.details is distinct from excluded.details
          returning xmax = 0 as inserted),
        resolved as (
          update alert a set status = 'RESOLVED', resolved_at = $1::timestamptz, updated_at = $1::timestamptz,
            resolution = 'its cause went away'
          where a.type = '%2$s' and a.status <> 'RESOLVED' and a.raised_by = '%3$s'
            and not exists (select 1 from causes c where c.seller_id = a.seller_id and c.cause = a.cause)
          returning a.id)
        select (select count(*) from opened where inserted) as opened,
          (select count(*) from opened where not inserted) as updated,
          (select count(*) from resolved) as resolved""".formatted(rule.causes(), rule.type(), RAISED_BY);
  }
}
