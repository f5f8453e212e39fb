package io.stockbridge.platform.outbox;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.platform.persistence.BatchedPurge;
import io.stockbridge.platform.persistence.LeasedClaim;
import io.stockbridge.platform.persistence.NamedSql;
import io.stockbridge.platform.time.SuiteClock;
import io.stockbridge.platform.work.CommitWakeups;
import io.stockbridge.platform.work.WakeableRounds;
import io.stockbridge.platform.work.WakeupsConfig;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Sends outbox events to their receivers, at least once, in the order they were written as far as retries allow.
 * <p>
 * Several replicas may dispatch at once: a round claims rows with {@code FOR UPDATE SKIP LOCKED} and stamps them
 * with a lease, so no two dispatchers hold the same event; the HTTP call happens after the claim has committed, so
 * no database transaction stays open across the network. Receivers are idempotent on the event id.
 * <p>
 * What the receiver answers decides the rest (see {@link ReceiverAnswer}): delivered; refused for good, which makes
 * the event a dead letter at once; or "not now" (down, overloaded, or "I do not know this SKU yet"), which is
 * retried with exponential backoff until the retry window closes and then becomes a dead letter. A dead letter keeps
 * the receiver's reason, is counted, raised as a {@link DeadLetterRaised} event and can be replayed
 * ({@link DeadLetters}): nothing acknowledged vanishes, and nothing says delivered before the receiver took it.
 */
@ApplicationScoped
public class OutboxDispatcher {
  /**
   * The oldest due events not leased by anyone, in turns across sellers (platform events without a seller count as
   * one more), so a seller's backlog holds only its own share of a round; an event of a sequence only once every
   * earlier event of its sequence was settled (delivered, dead or superseded), so transitions reach the receiver in
   * order.
   */
  private static final NamedSql CLAIM = LeasedClaim.from("outbox_event", "o")
      .where("o.status = 'PENDING' and o.available_at <= :now")
      .where("""
          o.sequence_key is null or not exists (
            select 1 from outbox_event e where e.status = 'PENDING' and e.destination = o.destination
              and e.sequence_key = o.sequence_key and (e.created_at, e.id) < (o.created_at, o.id))""")
      .leasedBy("claimed_until").set("claimed_by = :claimant").set("attempts = attempts + 1")
      .orderBy("available_at", "created_at").fairBy("seller_id")
      .returning("""
          id, destination, path, event_type, seller_id, payload, traceparent, attempts, created_at,
            coalesce(retry_since, created_at) as retry_since""")
      .build().positional();
  /** The notification channel the outbox table's trigger notifies when events are committed. */
  private static final String COMMITTED = "stockbridge_outbox";
  private static final String PURGE = """
      delete from outbox_event where id in (
        select id from outbox_event where status in ('DELIVERED', 'SUPERSEDED') and created_at < $1 limit $2)""";
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
  private final Tracer tracer;
  private final String replicaId = UUID.randomUUID().toString();
  private final WakeableRounds rounds;
  private final OutboxBatchCodec codec;
  private final OutboxSettlement settlement;
  private final SuiteClock clock;

  public OutboxDispatcher(Pool pool, OutboxDeliveryClient deliveryClient, OutboxConfig config, Tracer tracer,
      Vertx vertx, OutboxBatchCodec codec, OutboxSettlement settlement, SuiteClock clock, WakeupsConfig wakeups) {
    this.pool = pool;
    this.deliveryClient = deliveryClient;
    this.config = config;
    this.tracer = tracer;
    this.codec = codec;
    this.settlement = settlement;
    // a round that delivered something is followed by another until one finds nothing: events committed meanwhile
    // do not notify (the table's trigger notifies only when nothing else is waiting), so these rounds must find them
    this.rounds = new WakeableRounds(vertx, "Outbox dispatch",
        () -> dispatch(replicaId).map(delivered -> delivered > 0), Duration.ZERO, wakeups.trailingRound());
    this.clock = clock;
  }

  /** Events committed by this replica or another are sent at once; the poll below is the safety net. */
  void wakeOnCommit(@Observes StartupEvent started, CommitWakeups wakeups) {
    wakeups.onCommit(COMMITTED, this::wake);
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
  Uni<Void> scheduledPurge() {
    return BatchedPurge.onSchedule("Outbox", purgeFinished());
  }

  /**
   * Deletes delivered, rejected and superseded events past the retention, a bounded batch per statement (a busy
   * outbox finishes hundreds of thousands an hour); @return how many
   */
  public Uni<Long> purgeFinished() {
    return BatchedPurge.run(pool, PURGE, clock.now().minus(config.retention()), config.purgeBatchSize());
  }

  /**
   * One round: claim a batch as {@code claimant} and deliver it. Public so that a test can run two dispatchers,
   * as two replicas would.
   *
   * @return how many events were delivered
   */
  public Uni<Integer> dispatch(String claimant) {
    OffsetDateTime now = clock.now();
    return pool.preparedQuery(CLAIM.sql())
        .execute(CLAIM.tuple(Map.of("claimant", claimant, "lease", now.plus(config.claimLease()), "now", now,
            "limit", config.batchSize())))
        .onItem().transformToMulti(rows -> Multi.createFrom().iterable(work(claimant, rows)))
        .onItem().transformToUni(delivery -> delivery).merge(config.concurrency())
        .collect().asList()
        .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
  }

  /**
   * The claimed events as deliveries, each answering how many events it delivered: one request per event, except for
   * events to a batched path, which go together (in claim order, per destination, path and seller) up to the request
   * limit.
   */
  private List<Uni<Integer>> work(String claimant, Iterable<Row> rows) {
    Set<String> batchedPaths = config.batchedPaths().orElse(Set.of());
    Map<String, List<ClaimedEvent>> batches = new LinkedHashMap<>();
    List<Uni<Integer>> work = new ArrayList<>();
    List<ClaimedEvent> claimed = new ArrayList<>();
    rows.forEach(row -> claimed.add(ClaimedEvent.from(row)));
    // UPDATE ... RETURNING does not keep the claim's order: restore the order the events were written in
    claimed.sort(java.util.Comparator.comparing(ClaimedEvent::createdAt).thenComparing(ClaimedEvent::id));
    for (ClaimedEvent event : claimed) {
      if (batchedPaths.contains(event.path())) {
        // a batch holds one seller's events, so a request that fails counts against that seller's breaker only
        batches.computeIfAbsent(event.destination() + "\n" + event.path() + "\n" + event.sellerId(),
            key -> new ArrayList<>()).add(event);
      } else {
        work.add(deliver(claimant, event).map(outcome -> outcome == DeliveryOutcome.DELIVERED ? 1 : 0));
      }
    }
    int limit = Math.max(1, config.maxEventsPerRequest());
    for (List<ClaimedEvent> events : batches.values()) {
      for (int from = 0; from < events.size(); from += limit) {
        work.add(deliverBatch(claimant, events.subList(from, Math.min(events.size(), from + limit))));
      }
    }
    return work;
  }

  /** One request for several events of one destination, path and seller; each is recorded by its own answer. */
  private Uni<Integer> deliverBatch(String claimant, List<ClaimedEvent> events) {
    ClaimedEvent first = events.get(0);
    String baseUrl = config.destinations().get(first.destination());
    if (baseUrl == null) {
      return settlement.recordAll(claimant, events, Map.of(), "no URL configured for " + first.destination());
    }
    Span span = tracer.spanBuilder("outbox deliver batch " + first.path()).setSpanKind(SpanKind.PRODUCER)
        .setAttribute("stockbridge.outbox.destination", first.destination())
        .setAttribute("stockbridge.outbox.batch_size", events.size())
        .startSpan();
    String body;
    try {
      body = codec.body(events);
    } catch (JsonProcessingException e) {
      span.end();
      return Uni.createFrom().failure(e);
    }
    return Uni.createFrom().<String>emitter(emitter -> {
          try (Scope ignored = span.makeCurrent()) {
            deliveryClient.deliverBatch(first.destination(), first.sellerId(), baseUrl, first.path() + "/batch",
                    body)
                .subscribe().with(emitter::complete, emitter::fail);
          }
        })
        .map(codec::answers)
        .onFailure().recoverWithItem(failure -> {
          span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
          Log.debugf("Batch delivery of %d outbox events to %s failed: %s", events.size(), first.destination(),
              failure);
          return Map.of();
        })
        .chain(answers -> settlement.recordAll(claimant, events, answers,
            "batch delivery attempt ended without an answer"))
        .onTermination().invoke(span::end);
  }

  private Uni<DeliveryOutcome> deliver(String claimant, ClaimedEvent event) {
    String baseUrl = config.destinations().get(event.destination());
    if (baseUrl == null) {
      return settlement.record(claimant, event, ReceiverAnswer.none("no URL configured for " + event.destination()));
    }
    Span span = tracer.spanBuilder("outbox deliver " + event.eventType())
        .setParent(parentOf(event)).setSpanKind(SpanKind.PRODUCER)
        .setAttribute("stockbridge.outbox.event_id", event.id().toString())
        .setAttribute("stockbridge.outbox.destination", event.destination())
        .startSpan();
    return Uni.createFrom().<ReceiverAnswer>emitter(emitter -> {
          // subscribe inside the span's scope so the REST client's trace filter sees it as the parent
          try (Scope ignored = span.makeCurrent()) {
            deliveryClient.deliver(baseUrl, event).subscribe().with(emitter::complete, emitter::fail);
          }
        })
        .onFailure().recoverWithItem(failure -> {
          span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
          Log.debugf("Delivery of outbox event %s to %s failed: %s", event.id(), event.destination(), failure);
          return ReceiverAnswer.failed(event.attempts(), failure);
        })
        .chain(answer -> settlement.record(claimant, event, answer))
        .onTermination().invoke(span::end);
  }

  private static Context parentOf(ClaimedEvent event) {
    if (event.traceparent() == null) {
      return Context.current();
    }
    return W3CTraceContextPropagator.getInstance().extract(Context.root(), event.traceparent(), TRACEPARENT);
  }

}
