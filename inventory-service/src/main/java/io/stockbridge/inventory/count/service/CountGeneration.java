package io.stockbridge.inventory.count.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.count.config.CountConfig;
import io.stockbridge.inventory.count.repository.CountPlanRepository;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Produces the counts of due plans, in rounds on every replica: a round leases its plans (SKIP LOCKED), so two
 * replicas never produce the same plan's count twice, and each plan's count is its own transaction.
 */
@ApplicationScoped
public class CountGeneration {
  private final CountPlanRepository plans;
  private final CountPlans producer;
  private final CountConfig config;
  private final SuiteClock clock;

  public CountGeneration(CountPlanRepository plans, CountPlans producer, CountConfig config, SuiteClock clock) {
    this.plans = plans;
    this.producer = producer;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(every = "${stockbridge.inventory.counts.generation-interval:1m}", delayed = "20s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> generateOnSchedule() {
    return generateDue()
        .onFailure().invoke(e -> Log.warnf("Count generation round failed: %s", e.getMessage()))
        .onFailure().recoverWithItem(0)
        .replaceWithVoid();
  }

  /** One round; returns how many due plans it took. */
  public Uni<Integer> generateDue() {
    OffsetDateTime now = clock.now();
    return Panache.withTransaction(() -> plans.claimDue(now, now.plus(config.generationLease()),
            config.generationBatch()))
        .chain(ids -> Multi.createFrom().iterable(ids)
            .onItem().transformToUniAndConcatenate(this::produceAlone)
            .collect().asList()
            .replaceWith(ids.size()));
  }

  private Uni<Void> produceAlone(UUID planId) {
    // one plan's failure (say, a warehouse gone) is logged and retried after its lease; the others go on
    return Panache.withTransaction(() -> producer.produce(planId))
        .onFailure().invoke(e -> Log.warnf("Count plan %s could not produce its count: %s", planId, e.getMessage()))
        .onFailure().recoverWithNull();
  }
}
