package io.stockbridge.platform.work;

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
 */
public final class WakeableRounds {
  private final Vertx vertx;
  private final String name;
  private final Supplier<Uni<Boolean>> round;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean wokenWhileRunning = new AtomicBoolean();

  /**
   * @param round one round; its item says whether it left work behind (then another round follows at once)
   */
  public WakeableRounds(Vertx vertx, String name, Supplier<Uni<Boolean>> round) {
    this.vertx = vertx;
    this.name = name;
    this.round = round;
  }

  public void wake() {
    if (!running.compareAndSet(false, true)) {
      wokenWhileRunning.set(true);
      return;
    }
    wokenWhileRunning.set(false);
    try {
      Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
      VertxContextSafetyToggle.setContextSafe(context, true);
      context.runOnContext(ignored -> Uni.createFrom().deferred(round::get).subscribe().with(
          more -> {
            running.set(false);
            if (more || wokenWhileRunning.getAndSet(false)) {
              wake();
            }
          },
          failure -> {
            running.set(false);
            Log.warnf("%s round failed: %s", name, failure.getMessage());
          }));
    } catch (RuntimeException e) {
      running.set(false);
      throw e;
    }
  }
}
