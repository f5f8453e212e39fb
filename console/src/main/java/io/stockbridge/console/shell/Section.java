package io.stockbridge.console.shell;

import java.time.Duration;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * One part of a page, filled by one service call: its value, or the problem that call met. A page shows the parts it
 * has and each problem in its own place, so one slow or refusing service never blanks the others.
 */
public record Section<T>(T value, ServiceProblem problem) {
  private static final Duration LIMIT = Duration.ofSeconds(10);

  public boolean failed() {
    return problem != null;
  }

  /** Waits for the call, keeping a service problem (or an unreachable service) as the section's problem. */
  public static <T> Uni<Section<T>> of(Uni<T> call, String what) {
    return call.ifNoItem().after(LIMIT).fail().map(value -> new Section<T>(value, null))
        .onFailure().recoverWithItem(failure -> new Section<>(null, problemOf(failure, what)));
  }

  public <R> Section<R> map(Function<T, R> mapping) {
    return failed() ? new Section<>(null, problem) : new Section<>(mapping.apply(value), null);
  }

  /** The failure as a problem to show: a service's own problem as it is, anything else as "cannot be reached". */
  public static ServiceProblem problemOf(Throwable failure, String what) {
    return failure instanceof ServiceProblem problem ? problem : ServiceProblem.unreachable(what);
  }
}
