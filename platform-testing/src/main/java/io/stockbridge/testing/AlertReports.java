package io.stockbridge.testing;

import java.util.List;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.VertxContextSupport;
import io.stockbridge.platform.alert.AlertReport;
import io.stockbridge.platform.alert.AlertReporting;

/** One reporting round of this service's alert sources, as the scheduler runs it, and what it reported of a cause. */
public final class AlertReports {
  private AlertReports() {
  }

  public static List<AlertReport> reportedOf(String cause) {
    try {
      return VertxContextSupport.subscribeAndAwait(() -> Arc.container().instance(AlertReporting.class).get().report())
          .stream().filter(report -> report.cause().equals(cause)).toList();
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
