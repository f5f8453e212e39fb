package io.stockbridge.gateway.webhook.service;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.config.InboxConfig;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnection;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnectionRepository;
import io.stockbridge.gateway.webhook.repository.InboundEvent;
import io.stockbridge.gateway.webhook.repository.InboundEventRepository;
import io.stockbridge.gateway.webhook.repository.InboxQueue;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxDispatcher;
import io.stockbridge.platform.outbox.OutboxMessage;
import io.stockbridge.platform.persistence.LeasedClaim;
import io.stockbridge.platform.persistence.NamedSql;
import io.stockbridge.platform.work.WakeableRounds;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Works off the inbox: reads each event with its warehouse's adapter, resolves every item to a seller SKU
 * (rule WH-3: never guessed) and hands one normalized snapshot per item to inventory-service through the outbox.
 * An event whose items are not all mapped is parked with the reason, to be replayed once they are; a payload that
 * is not of the warehouse's style, or that catalog-service or the ledger's limits refuse, is rejected with the
 * reason. Items are resolved before the transaction, which never spans a network call.
 * <p>
 * No event stalls the others: a round takes waiting events in turns across warehouses ({@link InboxQueue}); an
 * event that fails waits its back-off while the rest go on; a failure of its own (one that is not an outage of
 * catalog-service) counts, and after {@code max-attempts} the event is parked with the last reason. When a round's
 * settling fails as a whole, each event is settled alone, so one poisonous event cannot hold back its batch.
 * <p>
 * A round settles all its events in one transaction (one commit per batch, not per event). An arrival wakes the
 * processor at once; the schedule only catches what no wake-up reached (another replica's arrivals, a failed
 * round). Each settled round wakes the outbox, so a snapshot leaves for the ledger at once.
 */
@ApplicationScoped
public class InboxProcessor {
  // locked for the settling transaction; an event another replica is settling is skipped, not waited for
  private static final NamedSql LOCK_WAITING = LeasedClaim.from("inbound_event", "e")
      .where("e.id = any(:ids) and e.status = 'RECEIVED'")
      .orderBy("id")
      .build().positional();
  private static final String RECORD = "update inbound_event e set status = d.status, reason = d.reason "
      + "from unnest($1::uuid[], $2::text[], $3::text[]) as d(id, status, reason) where e.id = d.id";

  private final InboundEventRepository inbox;
  private final InboxQueue queue;
  private final WarehouseConnectionRepository warehouses;
  private final InboxDecisions decisions;
  private final ItemResolver resolver;
  private final Outbox outbox;
  private final OutboxDispatcher dispatcher;
  private final InboxConfig config;
  private final Pool pool;
  private final WakeableRounds rounds;

  public InboxProcessor(InboundEventRepository inbox, InboxQueue queue, WarehouseConnectionRepository warehouses,
      InboxDecisions decisions, ItemResolver resolver, Outbox outbox, OutboxDispatcher dispatcher,
      InboxConfig config, Pool pool, Vertx vertx) {
    this.inbox = inbox;
    this.queue = queue;
    this.warehouses = warehouses;
    this.decisions = decisions;
    this.resolver = resolver;
    this.outbox = outbox;
    this.dispatcher = dispatcher;
    this.config = config;
    this.pool = pool;
    this.rounds = new WakeableRounds(vertx, "Inbox", this::roundLeavingMore);
  }

  @Scheduled(every = "${stockbridge.gateway.inbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void poll() {
    wake();
  }

  /**
   * Works the inbox off now, on this replica, until it is empty; a wake-up during a round makes another round.
   * Cheap to call after every arrival: concurrent calls coalesce.
   */
  public void wake() {
    if (config.enabled()) {
      rounds.wake();
    }
  }

  /** How many events a round took and how many of them it settled or put back to wait. */
  private record Round(int taken, int settled) {
  }

  /** A full batch that got somewhere means there may be more: another round follows at once. */
  private Uni<Boolean> roundLeavingMore() {
    return round().map(round -> round.taken() >= config.batchSize() && round.settled() > 0);
  }

  /** One round; @return how many events left the RECEIVED state */
  public Uni<Integer> processReceived() {
    return round().map(Round::settled);
  }

  /** An event's decision, or why it must wait for a later round. */
  private record Attempt(InboundEvent event, InboxDecision decision, InboxQueue.Deferral deferral) {
  }

  private Uni<Round> round() {
    return received().chain(events -> {
      if (events.isEmpty()) {
        return Uni.createFrom().item(new Round(0, 0));
      }
      return warehousesOf(events).chain(byId -> Multi.createFrom().iterable(events)
              .onItem().transformToUni(event -> attempt(event, byId.get(event.warehouseId)))
              .merge(config.concurrency())
              .collect().asList())
          .chain(attempts -> {
            // the outbox receives the round's snapshots in arrival order, whatever order the lookups finished in
            Map<UUID, Integer> order = new HashMap<>();
            events.forEach(event -> order.put(event.id, order.size()));
            List<InboxDecision> decisions = attempts.stream().filter(a -> a.decision() != null)
                .sorted(Comparator.comparing(a -> order.get(a.event().id))).map(Attempt::decision).toList();
            List<InboxQueue.Deferral> deferrals = attempts.stream().filter(a -> a.deferral() != null)
                .map(Attempt::deferral).toList();
            return settleIsolating(decisions)
                .chain(settled -> queue.defer(deferrals).map(deferred -> settled + deferred));
          })
          .invoke(settled -> {
            if (settled > 0) {
              dispatcher.wake();
            }
          })
          .map(settled -> new Round(events.size(), settled));
    });
  }

  private Uni<Attempt> attempt(InboundEvent event, WarehouseConnection warehouse) {
    return Uni.createFrom().deferred(() -> decisions.decide(event, warehouse))
        .map(decision -> new Attempt(event, decision, null))
        .onFailure().recoverWithItem(failure -> {
          boolean outage = isOutage(failure);
          Log.debugf("Event %s waits for a later round: %s", event.id, failure.getMessage());
          return new Attempt(event, null, new InboxQueue.Deferral(event.id, outage
              ? "catalog-service could not answer: " + failure.getMessage() : describe(failure), !outage));
        });
  }

  /**
   * Settles the decisions in one transaction; should that fail, settles each alone, and an event whose own
   * settling fails is put back to wait (counting towards parking it) instead of failing everyone's.
   */
  private Uni<Integer> settleIsolating(List<InboxDecision> decisions) {
    if (decisions.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    return settle(decisions).onFailure().recoverWithUni(failure -> {
      Log.warnf("Settling %d inbox events together failed (%s); settling each alone", decisions.size(),
          failure.getMessage());
      return Multi.createFrom().iterable(decisions)
          .onItem().transformToUniAndConcatenate(decision -> settle(List.of(decision))
              .onFailure().recoverWithUni(own -> queue.defer(List.of(new InboxQueue.Deferral(decision.eventId(),
                  "could not be recorded: " + describe(own), true)))))
          .collect().asList().map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
    });
  }

  /** catalog-service unreachable, failing or held off by its breaker: nobody's fault, and never counted. */
  private static boolean isOutage(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CircuitBreakerOpenException || t instanceof TimeoutException
          || t instanceof java.util.concurrent.TimeoutException || t instanceof java.io.IOException
          || t instanceof io.vertx.core.VertxException
          || (t instanceof WebApplicationException wae && wae.getResponse().getStatus() >= 500)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Throwable failure) {
    String message = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    return message.length() > 500 ? message.substring(0, 500) + "..." : message;
  }

  @WithSession
  Uni<List<InboundEvent>> received() {
    return queue.nextRound().chain(ids -> {
      if (ids.isEmpty()) {
        return Uni.createFrom().item(List.<InboundEvent>of());
      }
      Map<UUID, Integer> turn = new HashMap<>();
      ids.forEach(id -> turn.put(id, turn.size()));
      return inbox.list("id in ?1", ids).map(found -> found.stream()
          .sorted(Comparator.comparing(event -> turn.get(event.id))).toList());
    });
  }

  @WithSession
  Uni<Map<UUID, WarehouseConnection>> warehousesOf(List<InboundEvent> events) {
    Set<UUID> ids = events.stream().map(e -> e.warehouseId).collect(Collectors.toSet());
    return warehouses.list("id in ?1", ids)
        .map(found -> found.stream().collect(Collectors.toMap(w -> w.id, Function.identity())));
  }

  /**
   * Records the decisions of the events still waiting (another replica may have taken some), and queues their
   * snapshots for the ledger in arrival order, all in one transaction of three statements, whatever the batch size.
   */
  Uni<Integer> settle(List<InboxDecision> decisions) {
    UUID[] ids = decisions.stream().map(InboxDecision::eventId).toArray(UUID[]::new);
    return pool.withTransaction(connection -> connection.preparedQuery(LOCK_WAITING.sql())
        .execute(LOCK_WAITING.tuple(Map.of("ids", ids, "limit", ids.length)))
        .chain(rows -> {
          Set<UUID> mine = new HashSet<>();
          rows.forEach(row -> mine.add(row.getUUID(0)));
          List<InboxDecision> settled = decisions.stream().filter(d -> mine.contains(d.eventId())).toList();
          if (settled.isEmpty()) {
            return Uni.createFrom().item(0);
          }
          List<OutboxMessage> snapshots = settled.stream().flatMap(decision -> decision.snapshots().stream()).toList();
          return outbox.enqueueAll(connection, snapshots)
              .chain(() -> connection.preparedQuery(RECORD).execute(Tuple.of(
                  settled.stream().map(InboxDecision::eventId).toArray(UUID[]::new),
                  settled.stream().map(d -> d.status().name()).toArray(String[]::new),
                  settled.stream().map(InboxDecision::reason).toArray(String[]::new))))
              .replaceWith(settled.size());
        }));
  }

  /** Puts a parked or rejected event back in line; true when it will be processed again (call {@link #wake()} after). */
  @WithTransaction
  public Uni<Boolean> replay(String sellerId, UUID warehouseId, UUID eventId) {
    resolver.forgetUnknown(sellerId, warehouseId.toString());
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "update inbound_event set status = 'RECEIVED', reason = null, attempts = 0, next_attempt_at = null "
                + "where id = :id and warehouse_id = :warehouse "
                + "and seller_id = :seller and status in ('PARKED', 'REJECTED', 'RECEIVED')")
        .setParameter("id", eventId).setParameter("warehouse", warehouseId).setParameter("seller", sellerId)
        .executeUpdate())
        .map(updated -> updated == 1);
  }
}
