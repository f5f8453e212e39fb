package io.stockbridge.platform.alert;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxMessage;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Tells inventory-service's alert feed what this service's alert sources see: per source, one statement compares the
 * causes that hold now with those reported before; a new cause (or new figures of one) is reported raised, a cause
 * gone is reported cleared, through the outbox in the same transaction, so a report is never lost and a cause is not
 * told twice. A replica that finds another reporting a type skips it.
 */
@ApplicationScoped
public class AlertReporting {
  private static final String TRY_LOCK = "select pg_try_advisory_xact_lock($1)";

  private final Pool pool;
  private final Outbox outbox;
  private final List<AlertSources> sources;
  private final AlertReportingConfig config;
  private final SuiteClock clock;
  private final String service;

  public AlertReporting(Pool pool, Outbox outbox, @All List<AlertSources> sources, AlertReportingConfig config,
      SuiteClock clock, @ConfigProperty(name = "quarkus.application.name") String service) {
    this.pool = pool;
    this.outbox = outbox;
    this.sources = sources;
    this.config = config;
    this.clock = clock;
    this.service = service;
  }

  @Scheduled(every = "${stockbridge.alerts.reporting.interval:1m}", delayed = "20s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> reportOnSchedule() {
    if (!config.enabled() || sources.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return report()
        .onFailure().invoke(e -> Log.warnf("Reporting alerts failed: %s", e.getMessage()))
        .onFailure().recoverWithNull()
        .replaceWithVoid();
  }

  /** Reports every source once, one after another; returns the reports written. */
  public Uni<List<AlertReport>> report() {
    OffsetDateTime now = clock.now();
    List<AlertSource> all = sources.stream().flatMap(s -> s.alertSources(now).stream()).toList();
    List<AlertReport> written = new ArrayList<>();
    return Multi.createFrom().iterable(all)
        .onItem().transformToUniAndConcatenate(source -> report(source, now).invoke(written::addAll))
        .collect().last()
        .replaceWith(written);
  }

  private Uni<List<AlertReport>> report(AlertSource source, OffsetDateTime now) {
    List<Object> values = new ArrayList<>();
    values.add(now);
    values.addAll(source.parameters());
    return pool.withTransaction(connection -> connection.preparedQuery(TRY_LOCK)
        .execute(Tuple.of((long) ("stockbridge.alert-reporting." + source.type()).hashCode()))
        .chain(locked -> locked.iterator().next().getBoolean(0)
            ? changes(connection, source, values, now) : Uni.createFrom().item(List.<AlertReport>of())));
  }

  private Uni<List<AlertReport>> changes(SqlConnection connection, AlertSource source, List<Object> values,
      OffsetDateTime now) {
    return connection.preparedQuery(statement(source)).execute(Tuple.tuple(values)).chain(rows -> {
      List<AlertReport> reports = new ArrayList<>();
      List<OutboxMessage> messages = new ArrayList<>();
      for (Row row : rows) {
        AlertReport report = new AlertReport(source.type(), row.getString("cause"),
            AlertReport.State.valueOf(row.getString("state")), row.getString("seller_sku"),
            row.getString("warehouse_id"), row.getString("summary"), details(row), now, service);
        reports.add(report);
        messages.add(new OutboxMessage(config.destination(), AlertReport.PATH, "alert." + report.state().name()
            .toLowerCase(java.util.Locale.ROOT), row.getString("seller_id"), report,
            OutboxMessage.Coalesce.time(source.type() + "|" + report.cause(), now.toInstant())));
      }
      return messages.isEmpty() ? Uni.createFrom().item(reports)
          : outbox.enqueueAll(connection, messages).replaceWith(reports);
    });
  }

  private static java.util.Map<String, Object> details(Row row) {
    Object value = row.getValue("details");
    return value instanceof JsonObject json ? json.getMap() : java.util.Map.of();
  }

  private static String statement(AlertSource source) {
    return """
        with causes as materialized (%1$s),
        raised as (
          insert into reported_alert (seller_id, type, cause, seller_sku, warehouse_id, summary, details, reported_at)
          select seller_id, '%2$s', cause, seller_sku, warehouse_id, summary, details, $1::timestamptz
          from causes order by seller_id, cause
          on conflict (seller_id, type, cause) do update set seller_sku = excluded.seller_sku,
            warehouse_id = excluded.warehouse_id, summary = excluded.summary, details = excluded.details,
            reported_at = excluded.reported_at
            where reported_alert.details is distinct from excluded.details
              or reported_alert.summary is distinct from excluded.summary
          returning seller_id, cause, seller_sku, warehouse_id, summary, details, 'RAISED' as state),
        cleared as (
          delete from reported_alert r where r.type = '%2$s'
            and not exists (select 1 from causes c where c.seller_id = r.seller_id and c.cause = r.cause)
          returning seller_id, cause, seller_sku, warehouse_id, summary, details, 'CLEARED' as state)
        select * from raised union all select * from cleared""".formatted(source.causes(), source.type());
  }
}
