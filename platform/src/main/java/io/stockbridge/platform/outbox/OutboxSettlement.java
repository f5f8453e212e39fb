package io.stockbridge.platform.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.fault.Backoff;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What a receiver's answer does to a claimed event (see {@link ReceiverAnswer}): delivered; a dead letter at once
 * when it can never succeed; otherwise retried with exponential back-off until the retry window closes, and then a
 * dead letter with the last answer. Every change is made only while the event is still this dispatcher's claim.
 */
@ApplicationScoped
public class OutboxSettlement {
  private static final String DEAD = """
      update outbox_event set status = 'DEAD', dead_at = $3, claimed_until = null,
        receiver_status = coalesce($4::int, receiver_status),
        receiver_code = case when $4::int is null then receiver_code else $5 end, last_error = $6
      where id = $1 and claimed_by = $2 and status = 'PENDING'""";

  private final Pool pool;
  private final OutboxConfig config;
  private final MeterRegistry meters;
  private final Event<DeadLetterRaised> deadLetters;
  /** Up to 20 % jitter, so that many events failing together do not retry in lockstep. */
  private final Backoff backoff;
  private final SuiteClock clock;

  public OutboxSettlement(Pool pool, OutboxConfig config, MeterRegistry meters, Event<DeadLetterRaised> deadLetters, SuiteClock clock) {
    this.pool = pool;
    this.config = config;
    this.meters = meters;
    this.deadLetters = deadLetters;
    this.backoff = Backoff.doubling(config.initialBackoff(), config.maxBackoff()).withJitter(0.2);
    this.clock = clock;
  }

  /** Records each event of a batch by its status; an event the answer does not name is retried. */
  Uni<Integer> recordAll(String claimant, List<ClaimedEvent> events, Map<UUID, ReceiverAnswer> answers,
      String missingAnswer) {
    List<ClaimedEvent> delivered = new ArrayList<>();
    List<Uni<DeliveryOutcome>> others = new ArrayList<>();
    for (ClaimedEvent event : events) {
      ReceiverAnswer answer = answers.getOrDefault(event.id(), ReceiverAnswer.none(missingAnswer));
      if (answer.outcome() == DeliveryOutcome.DELIVERED) {
        delivered.add(event);
      } else {
        others.add(record(claimant, event, answer));
      }
    }
    Uni<Void> deliveredAll = delivered.isEmpty() ? Uni.createFrom().voidItem() : markDelivered(claimant, delivered);
    return deliveredAll
        .chain(() -> others.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(others).andFailFast().replaceWithVoid())
        .replaceWith(delivered.size());
  }

  /** One statement for every delivered event of a batch. */
  private Uni<Void> markDelivered(String claimant, List<ClaimedEvent> delivered) {
    OffsetDateTime now = clock.now();
    for (ClaimedEvent event : delivered) {
      meters.counter("stockbridge.outbox.deliveries", "destination", event.destination(), "outcome", "delivered")
          .increment();
      meters.timer("stockbridge.outbox.delivery.lag", "destination", event.destination())
          .record(Duration.between(event.createdAt(), now));
    }
    return pool.preparedQuery("update outbox_event set status = 'DELIVERED', delivered_at = $3, claimed_until = null, "
            + "last_error = null where id = any($1) and claimed_by = $2")
        .execute(Tuple.of(delivered.stream().map(ClaimedEvent::id).toArray(UUID[]::new), claimant, now))
        .replaceWithVoid();
  }

  Uni<DeliveryOutcome> record(String claimant, ClaimedEvent event, ReceiverAnswer answer) {
    OffsetDateTime now = clock.now();
    DeliveryOutcome outcome = answer.outcome();
    String reason = answer.describe();
    Duration wait = backoff.after(event.attempts());
    if (outcome == DeliveryOutcome.RETRY && answer.reached()
        && now.plus(wait).isAfter(event.retrySince().plus(config.retryWindow()))) {
      // the window is over: the event stops waiting and becomes visible as a dead letter with the last answer;
      // only an attempt that reached the receiver ends it, never one its open breaker held back
      outcome = DeliveryOutcome.DEAD;
      reason = "not delivered within " + config.retryWindow() + " (" + event.attempts() + " attempts); last answer: "
          + reason;
    }
    meters.counter("stockbridge.outbox.deliveries", "destination", event.destination(), "outcome",
        outcome.name().toLowerCase()).increment();
    DeliveryOutcome settled = outcome;
    Uni<?> update = switch (outcome) {
      case DELIVERED -> {
        meters.timer("stockbridge.outbox.delivery.lag", "destination", event.destination())
            .record(Duration.between(event.createdAt(), now));
        yield pool.preparedQuery("update outbox_event set status = 'DELIVERED', delivered_at = $3, "
                + "claimed_until = null, last_error = null where id = $1 and claimed_by = $2")
            .execute(Tuple.of(event.id(), claimant, now));
      }
      case DEAD -> markDead(claimant, event, answer, reason, now);
      case RETRY -> pool.preparedQuery("update outbox_event set available_at = $3, claimed_until = null, "
              + "last_error = $4, receiver_status = coalesce($5::int, receiver_status), "
              + "receiver_code = case when $5::int is null then receiver_code else $6 end "
              + "where id = $1 and claimed_by = $2")
          .execute(Tuple.tuple(Arrays.asList(event.id(), claimant, now.plus(wait), reason, answer.status(),
              answer.code())));
    };
    return update.replaceWith(settled);
  }

  /** The event becomes a dead letter: counted, logged, and raised for whoever tells the seller. */
  private Uni<Void> markDead(String claimant, ClaimedEvent event, ReceiverAnswer answer, String reason,
      OffsetDateTime now) {
    return pool.preparedQuery(DEAD)
        .execute(Tuple.tuple(Arrays.asList(event.id(), claimant, now, answer.status(), answer.code(),
            reason)))
        .invoke(rows -> {
          if (rows.rowCount() == 1) {
            meters.counter("stockbridge.outbox.dead.letters", "destination", event.destination(), "event_type",
                event.eventType()).increment();
            Log.warnf("Outbox event %s (%s) to %s is a dead letter: %s", event.id(), event.eventType(),
                event.destination(), reason);
            deadLetters.fireAsync(new DeadLetterRaised(event.id(), event.sellerId(), event.destination(),
                event.eventType(), answer.code(), reason));
          }
        })
        .replaceWithVoid();
  }
}
