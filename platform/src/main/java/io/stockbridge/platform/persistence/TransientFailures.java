package io.stockbridge.platform.persistence;

import java.time.Duration;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * A deadlock (40P01) or serialization failure (40001): PostgreSQL aborted the whole transaction, so running it again
 * is safe and is what the caller would do. Lock order rules deadlocks out where it can; this is the bound for what
 * remains, so concurrent writes never surface as 5xx.
 */
public final class TransientFailures {
  private static final int ATTEMPTS = 4;
  private static final Duration FIRST_WAIT = Duration.ofMillis(20);

  private TransientFailures() {
  }

  public static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PgException pg && ("40P01".equals(pg.getSqlState()) || "40001".equals(pg.getSqlState()))) {
        return true;
      }
      // Hibernate's translation of the same (deadlock detected) when the statement ran through a session
      if (t instanceof org.hibernate.exception.LockAcquisitionException) {
        return true;
      }
    }
    return false;
  }

  /** Runs the transaction again, with jittered back-off, while it fails transiently (at most four runs in all). */
  public static <T> Uni<T> retried(Supplier<Uni<? extends T>> transaction) {
    return Uni.createFrom().<T>deferred(transaction)
        .onFailure(TransientFailures::isTransient).retry().withBackOff(FIRST_WAIT).withJitter(0.5)
        .atMost(ATTEMPTS - 1);
  }
}
