package io.stockbridge.compliance.document.service;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.stockbridge.compliance.config.ComplianceConfig;
import io.stockbridge.platform.persistence.LeasedClaim;
import io.stockbridge.platform.persistence.NamedSql;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Marks documents whose expiry date has come as expired, with a line in their review trail (CMP-2). Reads do
 * not wait for it: they apply the date themselves, so a document is never usable past its date.
 */
@ApplicationScoped
public class DocumentExpiry {
  // locked for the sweep's transaction: several replicas sweep side by side without waiting on each other
  private static final LeasedClaim DUE = LeasedClaim.from("compliance_document", "d")
      .where("d.expires_at <= :today and d.status in ('SUBMITTED', 'PENDING_REVIEW', 'VERIFIED')")
      .orderBy("expires_at", "id")
      .returning("id, status")
      .build();
  private static final NamedSql SWEEP = NamedSql.of("with due as (" + DUE.sql() + """
      ), expired as (
        update compliance_document d set status = 'EXPIRED', version = d.version + 1
        from due where d.id = due.id
        returning d.id, due.status as from_status
      )
      insert into compliance_document_status_change (id, document_id, from_status, to_status, changed_by, changed_at, reason)
      select gen_random_uuid(), id, from_status, 'EXPIRED', 'system', :now, 'expiry date reached'
      from expired""");

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
    OffsetDateTime now = clock.now();
    return pool.withTransaction(connection -> connection.preparedQuery(SWEEP.sql())
            .execute(SWEEP.tuple(Map.of("today", now.toLocalDate(), "now", now,
                "limit", config.documents().expirySweepBatch()))))
        .map(rows -> rows.rowCount())
        .invoke(count -> {
          if (count > 0) {
            expired.increment(count);
            Log.infof("Marked %d compliance documents expired", count);
          }
        });
  }
}
