package io.stockbridge.platform.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.work.WakeableRounds;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends outbox events to their receivers, at least once, in the order they were written as far as retries allow.
 * <p>
 * Several replicas may dispatch at once: a round claims rows with {@code FOR UPDATE SKIP LOCKED} and stamps them
 * with a lease, so no two dispatchers hold the same event; the HTTP call happens after the claim has committed, so
 * no database transaction stays open across the network. A failed delivery is retried with exponential backoff,
 * without limit, because an acknowledged change must never be lost. Receivers are idempotent on the event id.
 */
@ApplicationScoped
public class OutboxDispatcher {
  private static final String CLAIM = """
      update outbox_event set claimed_by = $1, claimed_until = $2, attempts = attempts + 1
      where id in (
        select id from outbox_event
        where status = 'PENDING' and available_at <= $3 and (claimed_until is null or claimed_until < $3)
        order by available_at, created_at
        limit $4
        for update skip locked)
      returning id, destination, path, event_type, seller_id, payload, traceparent, attempts, created_at""";
  private static final TextMapGetter<String> TRACEPARENT = new TextMapGetter<>() {
    @Override
    public Iterable<String> keys(String carrier) {
      return List.of("traceparent");
    }

    @Override
    public String get(String carrier, String key) {
      return "traceparent".equals(key) ? carrier : null;
    }
  };

  private final Pool pool;
  private final OutboxDeliveryClient deliveryClient;
  private final OutboxConfig config;
  private final MeterRegistry meters;
  private final Tracer tracer;
  private final String replicaId = UUID.randomUUID().toString();
  private final WakeableRounds rounds;

  public OutboxDispatcher(Pool pool, OutboxDeliveryClient deliveryClient, OutboxConfig config, MeterRegistry meters,
      Tracer tracer, Vertx vertx) {
    this.pool = pool;
    this.deliveryClient = deliveryClient;
    this.config = config;
    this.meters = meters;
    this.tracer = tracer;
    // a full batch may have left more behind
    this.rounds = new WakeableRounds(vertx, "Outbox dispatch",
        () -> dispatch(replicaId).map(delivered -> delivered >= config.batchSize()));
  }

  @Scheduled(every = "${stockbridge.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> poll() {
    if (!config.enabled()) {
      return Uni.createFrom().voidItem();
    }
    return dispatch(replicaId)
        .onFailure().invoke(e -> Log.warnf("Outbox dispatch round failed: %s", e.getMessage()))
        .onFailure().recoverWithItem(0)
        .replaceWithVoid();
  }

  /**
   * Delivers what is pending now rather than at the next poll. Call it after the transaction that wrote events has
   * committed (a round started earlier would not see them); concurrent calls coalesce into one more round.
   */
  public void wake() {
    if (config.enabled()) {
      rounds.wake();
    }
  }

  @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> purgeFinished() {
    return pool.preparedQuery("delete from outbox_event where status <> 'PENDING' and created_at < $1")
        .execute(Tuple.of(OffsetDateTime.now().minus(config.retention())))
        .replaceWithVoid();
  }

  /**
   * One round: claim a batch as {@code claimant} and deliver it. Public so that a test can run two dispatchers,
   * as two replicas would.
   *
   * @return how many events were delivered
   */
  public Uni<Integer> dispatch(String claimant) {
    OffsetDateTime now = OffsetDateTime.now();
    return pool.preparedQuery(CLAIM)
        .execute(Tuple.of(claimant, now.plus(config.claimLease()), now, config.batchSize()))
        .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
        .map(ClaimedEvent::from)
        .onItem().transformToUni(event -> deliver(claimant, event)).merge(config.concurrency())
        .filter(outcome -> outcome == DeliveryOutcome.DELIVERED)
        .collect().asList()
        .map(List::size);
  }

  private Uni<DeliveryOutcome> deliver(String claimant, ClaimedEvent event) {
    String baseUrl = config.destinations().get(event.destination());
    if (baseUrl == null) {
      return record(claimant, event, DeliveryOutcome.RETRY, "no URL configured for " + event.destination());
    }
    Span span = tracer.spanBuilder("outbox deliver " + event.eventType())
        .setParent(parentOf(event)).setSpanKind(SpanKind.PRODUCER)
        .setAttribute("stockbridge.outbox.event_id", event.id().toString())
        .setAttribute("stockbridge.outbox.destination", event.destination())
        .startSpan();
    return Uni.createFrom().<DeliveryOutcome>emitter(emitter -> {
          // subscribe inside the span's scope so the REST client's trace filter sees it as the parent
          try (Scope ignored = span.makeCurrent()) {
            deliveryClient.deliver(baseUrl, event).subscribe().with(emitter::complete, emitter::fail);
          }
        })
        .onFailure().recoverWithItem(failure -> {
          span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
          Log.debugf("Delivery of outbox event %s to %s failed: %s", event.id(), event.destination(), failure);
          return DeliveryOutcome.RETRY;
        })
        .call(outcome -> record(claimant, event, outcome, outcome == DeliveryOutcome.DELIVERED ? null
            : "delivery attempt " + event.attempts() + " ended " + outcome))
        .onTermination().invoke(span::end);
  }

  private Uni<DeliveryOutcome> record(String claimant, ClaimedEvent event, DeliveryOutcome outcome, String error) {
    meters.counter("stockbridge.outbox.deliveries", "destination", event.destination(), "outcome",
        outcome.name().toLowerCase()).increment();
    OffsetDateTime now = OffsetDateTime.now();
    Uni<?> update = switch (outcome) {
      case DELIVERED -> {
        meters.timer("stockbridge.outbox.delivery.lag", "destination", event.destination())
            .record(Duration.between(event.createdAt(), now));
        yield pool.preparedQuery("update outbox_event set status = 'DELIVERED', delivered_at = $3, "
                + "claimed_until = null, last_error = null where id = $1 and claimed_by = $2")
            .execute(Tuple.of(event.id(), claimant, now));
      }
      case REJECTED -> pool.preparedQuery("update outbox_event set status = 'REJECTED', claimed_until = null, "
              + "last_error = $3 where id = $1 and claimed_by = $2")
          .execute(Tuple.of(event.id(), claimant, error));
      case RETRY -> pool.preparedQuery("update outbox_event set available_at = $3, claimed_until = null, "
              + "last_error = $4 where id = $1 and claimed_by = $2")
          .execute(Tuple.of(event.id(), claimant, now.plus(backoff(event.attempts())), error));
    };
    if (outcome == DeliveryOutcome.REJECTED) {
      Log.warnf("Outbox event %s (%s) was refused by %s and will not be retried", event.id(), event.eventType(),
          event.destination());
    }
    return update.replaceWith(outcome);
  }

  /** Exponential backoff with up to 20% jitter, so that many events failing together do not retry in lockstep. */
  Duration backoff(int attempts) {
    long initial = config.initialBackoff().toMillis();
    long max = config.maxBackoff().toMillis();
    long exponential = initial << Math.min(Math.max(attempts - 1, 0), 30);
    long capped = Math.min(exponential <= 0 ? max : exponential, max);
    long jitter = (long) (capped * 0.2 * ThreadLocalRandom.current().nextDouble());
    return Duration.ofMillis(capped + jitter);
  }

  private static Context parentOf(ClaimedEvent event) {
    if (event.traceparent() == null) {
      return Context.current();
    }
    return W3CTraceContextPropagator.getInstance().extract(Context.root(), event.traceparent(), TRACEPARENT);
  }

}
