package io.stockbridge.compliance.document.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.config.ComplianceConfig;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Marks documents whose expiry date has come as expired, with a line in their review trail (CMP-2). Reads do
 * not wait for it: they apply the date themselves, so a document is never usable past its date.
 */
@ApplicationScoped
public class DocumentExpiry {
  // skip locked: several replicas sweep side by side without waiting on each other
  private static final String SWEEP = """
      with due as (
        select id, status from compliance_document
        where expires_at <= $1 and status in ('SUBMITTED', 'PENDING_REVIEW', 'VERIFIED')
        order by expires_at, id limit $2 for update skip locked
      ), expired as (
        update compliance_document d set status = 'EXPIRED', version = d.version + 1
        from due where d.id = due.id
        returning d.id, due.status as from_status
      )
      insert into compliance_document_status_change (id, document_id, from_status, to_status, changed_by, changed_at, reason)
      select gen_random_uuid(), id, from_status, 'EXPIRED', 'system', now(), 'expiry date reached'
      from expired""";

  private final Pool pool;
  private final ComplianceConfig config;
  private final Counter expired;
  private final SuiteClock clock;

  public DocumentExpiry(Pool pool, ComplianceConfig config, MeterRegistry registry, SuiteClock clock) {
    this.clock = clock;
    this.pool = pool;
    this.config = config;
    this.expired = Counter.builder("stockbridge_documents_expired_total")
        .description("Compliance documents marked expired by the expiry sweep").register(registry);
  }

  @Scheduled(every = "${stockbridge.compliance.documents.expiry-sweep-interval:1h}", delayed = "30s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduledSweep() {
    return sweep().replaceWithVoid();
  }

  /** One sweep; returns how many documents it marked expired. */
  public Uni<Integer> sweep() {
    return pool.withTransaction(connection -> connection.preparedQuery(SWEEP)
            .execute(Tuple.of(clock.now().toLocalDate(), config.documents().expirySweepBatch())))
        .map(rows -> rows.rowCount())
        .invoke(count -> {
          if (count > 0) {
            expired.increment(count);
            Log.infof("Marked %d compliance documents expired", count);
          }
        });
  }
}
