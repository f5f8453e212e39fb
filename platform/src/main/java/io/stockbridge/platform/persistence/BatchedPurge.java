package io.stockbridge.platform.persistence;

import java.time.OffsetDateTime;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes old rows a bounded batch per statement, until none is left, so that a purge of a busy table never holds
 * hundreds of thousands of rows in one transaction.
 */
public final class BatchedPurge {
  private BatchedPurge() {
  }

  /**
   * @param delete a delete of at most {@code $2} rows older than {@code $1}, e.g.
   *     {@code delete from t where id in (select id from t where created_at < $1 limit $2)}
   * @return how many rows were deleted
   */
  public static Uni<Long> run(Pool pool, String delete, OffsetDateTime before, int batchSize) {
    return from(pool, delete, before, batchSize, 0);
  }

  /**
   * A purge run by a schedule: the count is logged at debug, a failure as a warning, and either way the schedule's
   * next run tries again (a failed purge only leaves old rows a little longer).
   *
   * @param what what is purged, for the log ("Inbox", "Outbox", ...)
   */
  public static Uni<Void> onSchedule(String what, Uni<Long> purge) {
    return purge
        .invoke(purged -> Log.debugf("%s purge deleted %d rows past their retention", what, purged))
        .onFailure().invoke(e -> Log.warnf("%s purge failed; the next one retries: %s", what, e.getMessage()))
        .onFailure().recoverWithItem(0L)
        .replaceWithVoid();
  }

  private static Uni<Long> from(Pool pool, String delete, OffsetDateTime before, int batchSize, long deleted) {
    return pool.preparedQuery(delete).execute(Tuple.of(before, batchSize))
        .chain(rows -> rows.rowCount() < batchSize
            ? Uni.createFrom().item(deleted + rows.rowCount())
            : from(pool, delete, before, batchSize, deleted + rows.rowCount()));
  }
}
