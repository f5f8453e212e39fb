package io.stockbridge.platform.work;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Background work done in rounds that can be started on demand: a wake-up starts a round at once, unless one runs,
 * in which case one more round follows it. Concurrent wake-ups coalesce, so a caller may wake after every change it
 * commits. Each run gets a fresh duplicated Vert.x context marked safe, so rounds may open reactive sessions
 * whichever thread woke them (an event loop, a worker, a scheduler).
 * <p>
 * A round may gather: started by a wake-up, it waits that long first, so that a burst of changes committed one after
 * the other goes out in one round rather than one round each (a round that follows one which left work gathers too).
 */
public final class WakeableRounds {
  private final Vertx vertx;
  private final String name;
  private final Supplier<Uni<Boolean>> round;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean wokenWhileRunning = new AtomicBoolean();
  private final AtomicBoolean seriesFoundWork = new AtomicBoolean();
  private final long gatherMillis;
  private final long trailingMillis;

  /**
   * @param round one round; its item says whether another should follow (it found work, so there may be more)
   */
  public WakeableRounds(Vertx vertx, String name, Supplier<Uni<Boolean>> round) {
    this(vertx, name, round, Duration.ZERO, Duration.ZERO);
  }

  /**
   * @param gather how long a round started by a wake-up waits before it starts, to take a burst together
   * @param trailing how long after a series of rounds that found work one more round looks; zero for none
   */
  public WakeableRounds(Vertx vertx, String name, Supplier<Uni<Boolean>> round, Duration gather, Duration trailing) {
    this.vertx = vertx;
    this.name = name;
    this.round = round;
    this.gatherMillis = gather.toMillis();
    this.trailingMillis = trailing.toMillis();
  }

  public void wake() {
    start(gatherMillis);
  }

  private void start(long afterMillis) {
    if (!running.compareAndSet(false, true)) {
      wokenWhileRunning.set(true);
      return;
    }
    wokenWhileRunning.set(false);
    try {
      Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
      VertxContextSafetyToggle.setContextSafe(context, true);
      Runnable run = () -> context.runOnContext(ignored -> Uni.createFrom().deferred(round::get).subscribe().with(
          more -> {
            running.set(false);
            if (more) {
              seriesFoundWork.set(true);
              start(gatherMillis);
            } else if (wokenWhileRunning.getAndSet(false)) {
              wake();
            } else if (seriesFoundWork.getAndSet(false) && trailingMillis > 0) {
              start(trailingMillis);
            }
          },
          failure -> {
            running.set(false);
            seriesFoundWork.set(false);
            Log.warnf("%s round failed: %s", name, failure.getMessage());
          }));
      if (afterMillis > 0) {
        vertx.setTimer(afterMillis, ignored -> run.run());
      } else {
        run.run();
      }
    } catch (RuntimeException e) {
      running.set(false);
      throw e;
    }
  }
}
