package io.stockbridge.platform.persistence;

import java.time.OffsetDateTime;

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

  private static Uni<Long> from(Pool pool, String delete, OffsetDateTime before, int batchSize, long deleted) {
    return pool.preparedQuery(delete).execute(Tuple.of(before, batchSize))
        .chain(rows -> rows.rowCount() < batchSize
            ? Uni.createFrom().item(deleted + rows.rowCount())
            : from(pool, delete, before, batchSize, deleted + rows.rowCount()));
  }
}
