package io.stockbridge.console.alerts.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/** The seller's alerts and calibration tasks; bounded in time, never retried on a click. */
@ApplicationScoped
public class AlertClient {
  private final AlertApi api;

  public AlertClient(@RestClient AlertApi api) {
    this.api = api;
  }

  /** Alerts whose cause still holds: open ones first, then the acknowledged ones (up to 100 of each). */
  @Timeout(5_000)
  public Uni<List<Alert>> holding() {
    return Uni.combine().all().unis(api.alerts("OPEN", 100), api.alerts("ACKNOWLEDGED", 100)).with((open, seen) -> {
      List<Alert> all = new ArrayList<>(open.items());
      all.addAll(seen.items());
      return all;
    });
  }

  @Timeout(5_000)
  public Uni<Alert> acknowledge(UUID alert, String note) {
    return api.acknowledge(alert, note == null || note.isBlank() ? Map.of() : Map.of("note", note));
  }

  @Timeout(5_000)
  public Uni<List<CalibrationTask>> openCalibrations() {
    return api.calibrations("OPEN", 100).map(page -> page.items());
  }

  @Timeout(5_000)
  public Uni<CalibrationTask> resolve(UUID task, String reason, String note) {
    return api.resolve(task, note == null || note.isBlank() ? Map.of("reason", reason)
        : Map.of("reason", reason, "note", note));
  }
}
