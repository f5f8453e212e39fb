package io.stockbridge.platform.idempotency;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Forgets idempotency keys older than the retention, so the table stays small.
 */
@ApplicationScoped
public class IdempotencyPurge {
  private final Pool pool;
  private final IdempotencyConfig config;

  public IdempotencyPurge(Pool pool, IdempotencyConfig config) {
    this.pool = pool;
    this.config = config;
  }

  @Scheduled(every = "${stockbridge.idempotency.purge-interval:1h}", delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> purge() {
    return pool.preparedQuery("delete from idempotency_record where created_at < $1")
        .execute(Tuple.of(OffsetDateTime.now().minus(config.retention())))
        .invoke(rows -> Log.debugf("Purged %d expired idempotency keys", rows.rowCount()))
        .replaceWithVoid();
  }
}
