package io.stockbridge.inventory.reservation.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.reservation.config.ReservationConfig;
import io.stockbridge.inventory.reservation.repository.ReservationRepository;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Releases reservations nobody shipped or cancelled in time (RES-2), in rounds on every replica: a round claims the
 * expired reservations with {@code FOR UPDATE SKIP LOCKED}, so replicas share the work without overlap, and each is
 * released in a transaction of its own, so one that fails holds up no other.
 */
@ApplicationScoped
public class ReservationExpiry {
  private final ReservationRepository reservations;
  private final ReservationService service;
  private final ReservationConfig config;
  private final SuiteClock clock;

  public ReservationExpiry(ReservationRepository reservations, ReservationService service, ReservationConfig config, SuiteClock clock) {
    this.reservations = reservations;
    this.service = service;
    this.config = config;
    this.clock = clock;
  }

  @Scheduled(every = "${stockbridge.inventory.reservations.expiry-interval:10s}", delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> expireOnSchedule() {
    return expireDue()
        .onFailure().invoke(e -> Log.warnf("Reservation expiry round failed: %s", e.getMessage()))
        .onFailure().recoverWithItem(0)
        .replaceWithVoid();
  }

  /** @return how many reservations expired in this round */
  public Uni<Integer> expireDue() {
    return dueForExpiry()
        .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
        .onItem().transformToUniAndConcatenate(expired -> service.expireOne(expired.sellerId(), expired.id())
            .onFailure().invoke(e -> Log.warnf("Could not expire reservation %s: %s", expired.id(), e.getMessage()))
            .onFailure().recoverWithItem(false))
        .filter(Boolean::booleanValue)
        .collect().asList()
        .map(List::size);
  }

  @WithTransaction
  Uni<List<ReservationRepository.Expired>> dueForExpiry() {
    return reservations.claimExpired(clock.now(), config.expiryBatchSize());
  }
}
