package io.stockbridge.inventory.reservation.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.reservation.ReservationRequest;
import io.stockbridge.inventory.reservation.ReservationView;
import io.stockbridge.inventory.reservation.config.ReservationConfig;
import io.stockbridge.platform.idempotency.IdempotentResult;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Forms group-commit rounds of reservations, per seller. The first request that finds no round running starts
 * one; requests arriving while it runs wait for the next, which takes them all (up to the configured size). No
 * request waits for a timer: alone, a request is a round of one.
 * <p>
 * A round that fails as a whole (an unexpected database error) is redone request by request through
 * {@link ReservationService#reserve}, so no request is answered with another's failure.
 */
@ApplicationScoped
public class ReservationBatcher {
  private final ReservationService single;
  private final GroupReservation group;
  private final ReservationConfig config;
  private final ConcurrentHashMap<String, SellerRounds> sellers = new ConcurrentHashMap<>();

  public ReservationBatcher(ReservationService single, GroupReservation group, ReservationConfig config) {
    this.single = single;
    this.group = group;
    this.config = config;
  }

  private record Waiting(PendingReservation pending, CompletableFuture<IdempotentResult<ReservationView>> answer,
      Context context) {
  }

  private static final class SellerRounds {
    final Queue<Waiting> queue = new ConcurrentLinkedQueue<>();
    final AtomicBoolean running = new AtomicBoolean();
  }

  public Uni<IdempotentResult<ReservationView>> reserve(String sellerId, String actor, ReservationRequest request) {
    if (!config.groupCommit()) {
      return single.reserve(sellerId, actor, request);
    }
    PendingReservation pending = new PendingReservation(actor, request, single.ttlOf(request),
        single.fingerprint(request));
    Waiting waiting = new Waiting(pending, new CompletableFuture<>(), Vertx.currentContext());
    SellerRounds rounds = sellers.computeIfAbsent(sellerId, k -> new SellerRounds());
    rounds.queue.add(waiting);
    if (rounds.running.compareAndSet(false, true)) {
      startRounds(sellerId, rounds);
    }
    return Uni.createFrom().completionStage(waiting.answer());
  }

  /** Runs rounds on a context of their own: they outlive the request that started them and need their own session. */
  private void startRounds(String sellerId, SellerRounds rounds) {
    Context roundContext = VertxContext.createNewDuplicatedContext(Vertx.currentContext());
    VertxContextSafetyToggle.setContextSafe(roundContext, true);
    roundContext.runOnContext(ignored -> Uni.createFrom().deferred(() -> nextRound(sellerId, rounds))
        .subscribe().with(done -> { }, failure -> abandon(sellerId, rounds, failure)));
  }

  /** The rounds themselves broke: nobody may wait forever, so every waiting request is refused and rounds restart. */
  private void abandon(String sellerId, SellerRounds rounds, Throwable failure) {
    Log.errorf(failure, "Reservation rounds of %s broke; failing the waiting requests", sellerId);
    for (Waiting waiting; (waiting = rounds.queue.poll()) != null;) {
      answer(waiting, failure);
    }
    rounds.running.set(false);
    if (!rounds.queue.isEmpty() && rounds.running.compareAndSet(false, true)) {
      startRounds(sellerId, rounds);
    }
  }

  private Uni<Void> nextRound(String sellerId, SellerRounds rounds) {
    List<Waiting> round = new ArrayList<>();
    for (Waiting next; round.size() < config.groupCommitMaxSize() && (next = rounds.queue.poll()) != null;) {
      round.add(next);
    }
    if (round.isEmpty()) {
      rounds.running.set(false);
      // a request may have queued after the poll and before the flag dropped: it must not be stranded
      if (!rounds.queue.isEmpty() && rounds.running.compareAndSet(false, true)) {
        return nextRound(sellerId, rounds);
      }
      return Uni.createFrom().voidItem();
    }
    return Uni.createFrom().deferred(() -> group.decide(sellerId, round.stream().map(Waiting::pending).toList()))
        .onItemOrFailure().transformToUni((outcomes, failure) -> {
          if (failure != null) {
            Log.warnf("A reservation round of %d failed (%s); redoing it request by request", round.size(),
                failure.getMessage());
            return alone(sellerId, round);
          }
          List<Waiting> retry = new ArrayList<>();
          for (int i = 0; i < round.size(); i++) {
            Object outcome = outcomes.get(i);
            if (outcome == GroupReservation.RETRY_ALONE) {
              retry.add(round.get(i));
            } else {
              answer(round.get(i), outcome);
            }
          }
          return alone(sellerId, retry);
        })
        .chain(() -> nextRound(sellerId, rounds));
  }

  /** Redoes requests one by one, in order, on this round's context. */
  private Uni<Void> alone(String sellerId, List<Waiting> requests) {
    Uni<Void> chain = Uni.createFrom().voidItem();
    for (Waiting waiting : requests) {
      chain = chain.chain(() -> single.reserve(sellerId, waiting.pending().actor(), waiting.pending().request())
          .onItemOrFailure().invoke((result, failure) -> answer(waiting, failure != null ? failure : result))
          .onFailure().recoverWithNull()
          .replaceWithVoid());
    }
    return chain;
  }

  @SuppressWarnings("unchecked")
  private static void answer(Waiting waiting, Object outcome) {
    Runnable complete = outcome instanceof Throwable failure
        ? () -> waiting.answer().completeExceptionally(failure)
        : () -> waiting.answer().complete((IdempotentResult<ReservationView>) outcome);
    if (waiting.context() != null) {
      waiting.context().runOnContext(ignored -> complete.run());
    } else {
      complete.run();
    }
  }
}
