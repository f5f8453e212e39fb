package io.stockbridge.platform.idempotency;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Forgets idempotency keys older than the retention, so the table stays small.
 */
@ApplicationScoped
public class IdempotencyPurge {
  private final Pool pool;
  private final IdempotencyConfig config;
  private final SuiteClock clock;

  public IdempotencyPurge(Pool pool, IdempotencyConfig config, SuiteClock clock) {
    this.pool = pool;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(every = "${stockbridge.idempotency.purge-interval:1h}", delayed = "1m",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> purge() {
    return pool.preparedQuery("delete from idempotency_record where created_at < $1")
        .execute(Tuple.of(clock.now().minus(config.retention())))
        .invoke(rows -> Log.debugf("Purged %d expired idempotency keys", rows.rowCount()))
        .replaceWithVoid();
  }
}
