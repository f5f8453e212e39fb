package io.stockbridge.inventory.calibration.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.calibration.config.CalibrationConfig;
import io.stockbridge.inventory.calibration.repository.CalibrationTaskRepository;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Escalates calibration tasks left unresolved past their due time (rule WH-4), in rounds on every replica: a round
 * locks its overdue tasks with SKIP LOCKED, so two replicas never escalate one task twice.
 */
@ApplicationScoped
public class CalibrationEscalation {
  private final CalibrationTaskRepository tasks;
  private final CalibrationService calibrations;
  private final CalibrationConfig config;
  private final SuiteClock clock;
  private final Counter escalated;

  public CalibrationEscalation(CalibrationTaskRepository tasks, CalibrationService calibrations,
      CalibrationConfig config, SuiteClock clock, MeterRegistry meters) {
    this.tasks = tasks;
    this.calibrations = calibrations;
    this.config = config;
    this.clock = clock;
    this.escalated = Counter.builder("stockbridge_calibrations_escalated_total")
        .description("Calibration tasks escalated past their due time (WH-4)").register(meters);
  }

  @Scheduled(every = "${stockbridge.inventory.calibration.escalation-interval:1m}", delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> escalateOnSchedule() {
    return escalateOverdue()
        .onFailure().invoke(e -> Log.warnf("Calibration escalation round failed: %s", e.getMessage()))
        .onFailure().recoverWithItem(0)
        .replaceWithVoid();
  }

  /** One round; returns how many tasks it escalated. */
  @WithTransaction
  public Uni<Integer> escalateOverdue() {
    return tasks.claimOverdue(clock.now(), config.escalationBatch())
        .chain(ids -> Multi.createFrom().iterable(ids)
            .onItem().transformToUniAndConcatenate(calibrations::escalate)
            .collect().last()
            .replaceWith(ids.size()))
        .invoke(count -> escalated.increment(count));
  }
}
