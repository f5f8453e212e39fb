package io.stockbridge.inventory.alert.service;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.InventoryProblem;
import io.stockbridge.inventory.alert.ServiceAlert;
import io.stockbridge.inventory.alert.ServiceAlertOutcome;
import io.stockbridge.platform.alert.AlertReport;
import io.stockbridge.platform.alert.AlertSource;
import io.stockbridge.platform.outbox.DeadLetterAlerts;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Alerts other services raise and clear through their outbox. Each report applies once and in order per cause: a
 * report no newer than the last applied one (a repeat, or one overtaken on the way) changes nothing.
 */
@ApplicationScoped
public class ServiceAlerts {
  private static final String MARK = """
      insert into alert_report_mark (seller_id, type, cause, reported_at) values ($1, $2, $3, $4)
      on conflict (seller_id, type, cause) do update set reported_at = excluded.reported_at
        where alert_report_mark.reported_at < excluded.reported_at
      returning 1""";
  private static final String RAISE = """
      insert into alert (id, seller_id, type, cause, seller_sku, warehouse_id, status, summary, details, raised_by,
        opened_at, updated_at)
      values ($1, $2, $3, $4, $5, $6, 'OPEN', $7, $8, $9, $10, $10)
      on conflict (seller_id, type, cause) where status <> 'RESOLVED' do update set seller_sku = excluded.seller_sku,
        warehouse_id = excluded.warehouse_id, summary = excluded.summary, details = excluded.details,
        updated_at = excluded.updated_at
      returning id, xmax = 0 as inserted""";
  private static final String CLEAR = """
      update alert set status = 'RESOLVED', resolved_at = $4, updated_at = $4, resolution = $5
      where seller_id = $1 and type = $2 and cause = $3 and status <> 'RESOLVED'
      returning id""";

  private final Pool pool;
  private final SuiteClock clock;
  /** What only the ledger's own rules raise (dead letters apart: every service has them); never taken as a report. */
  private final Set<String> ledgerTypes;

  public ServiceAlerts(Pool pool, SuiteClock clock, LedgerAlertRules rules) {
    this.pool = pool;
    this.clock = clock;
    this.ledgerTypes = rules.rules(clock.now()).stream().map(AlertSource::type)
        .filter(type -> !type.equals(DeadLetterAlerts.source().type())).collect(Collectors.toUnmodifiableSet());
  }

  public Uni<ServiceAlertOutcome> apply(String sellerId, String raisedBy, ServiceAlert report) {
    if (ledgerTypes.contains(report.type().name())) {
      return Uni.createFrom().failure(new ProblemException(422, InventoryProblem.ALERT_TYPE_NOT_REPORTABLE,
          "Unprocessable", report.type() + " alerts are raised by the ledger's own rules, not reported"));
    }
    return pool.withTransaction(connection -> connection.preparedQuery(MARK)
        .execute(Tuple.of(sellerId, report.type().name(), report.cause(), report.observedAt()))
        .chain(marked -> {
          if (marked.size() == 0) {
            return Uni.createFrom().item(new ServiceAlertOutcome("IGNORED", null));
          }
          return report.state() == AlertReport.State.RAISED ? raise(connection, sellerId, raisedBy, report)
              : clear(connection, sellerId, raisedBy, report);
        }));
  }

  private Uni<ServiceAlertOutcome> raise(SqlConnection connection, String sellerId, String raisedBy,
      ServiceAlert report) {
    Map<String, Object> details = report.details() == null ? Map.of() : report.details();
    return connection.preparedQuery(RAISE).execute(Tuple.tuple(Arrays.asList(UUID.randomUUID(), sellerId,
            report.type().name(), report.cause(), report.sellerSku(), report.warehouseId(),
            report.summary(), new JsonObject(details), raisedBy, clock.now())))
        .map(rows -> {
          var row = rows.iterator().next();
          return new ServiceAlertOutcome(row.getBoolean("inserted") ? "OPENED" : "UPDATED", row.getUUID("id"));
        });
  }

  private Uni<ServiceAlertOutcome> clear(SqlConnection connection, String sellerId, String raisedBy,
      ServiceAlert report) {
    return connection.preparedQuery(CLEAR).execute(Tuple.of(sellerId, report.type().name(), report.cause(),
            clock.now(), "cleared by " + raisedBy))
        .map(rows -> rows.size() == 0 ? new ServiceAlertOutcome("IGNORED", null)
            : new ServiceAlertOutcome("RESOLVED", rows.iterator().next().getUUID("id")));
  }
}
