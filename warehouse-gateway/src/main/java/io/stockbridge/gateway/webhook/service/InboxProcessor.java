package io.stockbridge.gateway.webhook.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.adapter.Adapters;
import io.stockbridge.gateway.adapter.ItemReading;
import io.stockbridge.gateway.adapter.ReadingLimits;
import io.stockbridge.gateway.adapter.WmsAdapter;
import io.stockbridge.gateway.config.InboxConfig;
import io.stockbridge.gateway.warehouse.client.ItemLookup;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnection;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnectionRepository;
import io.stockbridge.gateway.webhook.repository.InboundEvent;
import io.stockbridge.gateway.webhook.repository.InboundEventRepository;
import io.stockbridge.gateway.webhook.repository.InboundEventStatus;
import io.stockbridge.gateway.webhook.repository.InboxQueue;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxDispatcher;
import io.stockbridge.platform.outbox.OutboxMessage;
import io.stockbridge.platform.problem.FieldError;
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
  static final String LEDGER = "inventory-service";
  static final String LEDGER_PATH = "/internal/v1/warehouse-events";
  private static final String LOCK_WAITING =
      "select id from inbound_event where id = any($1) and status = 'RECEIVED' order by id for update skip locked";
  private static final String RECORD = "update inbound_event e set status = d.status, reason = d.reason "
      + "from unnest($1::uuid[], $2::text[], $3::text[]) as d(id, status, reason) where e.id = d.id";

  private final InboundEventRepository inbox;
  private final InboxQueue queue;
  private final WarehouseConnectionRepository warehouses;
  private final Adapters adapters;
  private final ItemResolver resolver;
  private final Outbox outbox;
  private final OutboxDispatcher dispatcher;
  private final InboxConfig config;
  private final ObjectMapper mapper;
  private final Pool pool;
  private final WakeableRounds rounds;

  public InboxProcessor(InboundEventRepository inbox, InboxQueue queue, WarehouseConnectionRepository warehouses,
      Adapters adapters, ItemResolver resolver, Outbox outbox, OutboxDispatcher dispatcher, InboxConfig config,
      ObjectMapper mapper, Pool pool, Vertx vertx) {
    this.inbox = inbox;
    this.queue = queue;
    this.warehouses = warehouses;
    this.adapters = adapters;
    this.resolver = resolver;
    this.outbox = outbox;
    this.dispatcher = dispatcher;
    this.config = config;
    this.mapper = mapper;
    this.pool = pool;
    this.rounds = new WakeableRounds(vertx, "Inbox", this::roundLeavingMore);
  }

  /** The decision about one event, made outside any transaction. */
  private record Decision(UUID eventId, InboundEventStatus status, String reason, List<OutboxMessage> snapshots) {
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
  private record Attempt(InboundEvent event, Decision decision, InboxQueue.Deferral deferral) {
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
            List<Decision> decisions = attempts.stream().filter(a -> a.decision() != null)
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
    return Uni.createFrom().deferred(() -> decide(event, warehouse))
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
  private Uni<Integer> settleIsolating(List<Decision> decisions) {
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

  private Uni<Decision> decide(InboundEvent event, WarehouseConnection warehouse) {
    WmsAdapter adapter = adapters.forInbox(warehouse.adapter);
    List<ItemReading> readings;
    try {
      readings = adapter.read(mapper.readTree(event.body), event.sourceTimestamp);
    } catch (WmsAdapter.UnreadablePayload | JsonProcessingException e) {
      return Uni.createFrom().item(new Decision(event.id, InboundEventStatus.REJECTED,
          "not a " + warehouse.adapter + " payload: " + e.getMessage(), List.of()));
    }
    List<FieldError> outOfLimits = ReadingLimits.check(readings);
    if (!outOfLimits.isEmpty()) {
      // what came in before the edge checked these (or through a poll) never reaches the ledger to be refused there
      return Uni.createFrom().item(new Decision(event.id, InboundEventStatus.REJECTED, ReadingLimits.describe(
          outOfLimits), List.of()));
    }
    Map<ItemReading, ItemLookup> resolved = new LinkedHashMap<>();
    return Multi.createFrom().iterable(readings)
        .onItem().transformToUniAndConcatenate(reading -> resolver.sellerSkuOf(event.sellerId,
            event.warehouseId.toString(), reading.wmsItemId()).invoke(lookup -> resolved.put(reading, lookup)))
        .collect().last()
        .map(ignored -> decision(event, resolved));
  }

  private Decision decision(InboundEvent event, Map<ItemReading, ItemLookup> resolved) {
    List<String> refused = resolved.entrySet().stream().filter(e -> e.getValue().isRefused())
        .map(e -> e.getKey().wmsItemId() + " (" + e.getValue().refusal() + ")").toList();
    if (!refused.isEmpty()) {
      return new Decision(event.id, InboundEventStatus.REJECTED, "catalog-service refused warehouse item id(s) "
          + String.join(", ", refused), List.of());
    }
    List<String> unknown = resolved.entrySet().stream().filter(e -> !e.getValue().isMapped())
        .map(e -> e.getKey().wmsItemId()).toList();
    if (!unknown.isEmpty()) {
      return new Decision(event.id, InboundEventStatus.PARKED, "unknown warehouse item(s) " + String.join(", ", unknown)
          + ": map them to a seller SKU in catalog-service, then replay", List.of());
    }
    List<OutboxMessage> snapshots = new ArrayList<>();
    int index = 0;
    for (Map.Entry<ItemReading, ItemLookup> entry : resolved.entrySet()) {
      ItemReading reading = entry.getKey();
      String sellerSku = entry.getValue().sellerSku();
      Map<String, Object> snapshot = new LinkedHashMap<>();
      snapshot.put("eventId", event.id + "/" + index++);
      snapshot.put("warehouseId", event.warehouseId.toString());
      snapshot.put("sellerSku", sellerSku);
      snapshot.put("observedAt", reading.observedAt().toString());
      if (reading.sequence() != null) {
        snapshot.put("sequence", reading.sequence());
      }
      snapshot.put("kind", "SNAPSHOT");
      snapshot.put("snapshot", Map.of("inTransit", reading.inTransit(), "qc", reading.qc(), "frozen", reading.frozen(),
          "sellable", reading.sellable()));
      // a newer reading of the item supersedes this one while it waits: a backlog shrinks to the newest state
      String item = event.warehouseId + "|" + sellerSku;
      snapshots.add(new OutboxMessage(LEDGER, LEDGER_PATH, "warehouse.snapshot", event.sellerId, snapshot,
          reading.sequence() != null ? OutboxMessage.Coalesce.sequence(item, reading.sequence())
              : OutboxMessage.Coalesce.time(item, reading.observedAt().toInstant())).about(event.id.toString()));
    }
    // nothing to send (an event without items) is applied as it is; otherwise the ledger's answers decide
    return new Decision(event.id, snapshots.isEmpty() ? InboundEventStatus.APPLIED : InboundEventStatus.DELIVERING,
        null, snapshots);
  }

  /**
   * Records the decisions of the events still waiting (another replica may have taken some), and queues their
   * snapshots for the ledger in arrival order, all in one transaction of three statements, whatever the batch size.
   */
  Uni<Integer> settle(List<Decision> decisions) {
    UUID[] ids = decisions.stream().map(Decision::eventId).toArray(UUID[]::new);
    return pool.withTransaction(connection -> connection.preparedQuery(LOCK_WAITING).execute(Tuple.of(ids))
        .chain(rows -> {
          Set<UUID> mine = new HashSet<>();
          rows.forEach(row -> mine.add(row.getUUID(0)));
          List<Decision> settled = decisions.stream().filter(d -> mine.contains(d.eventId())).toList();
          if (settled.isEmpty()) {
            return Uni.createFrom().item(0);
          }
          List<OutboxMessage> snapshots = settled.stream().flatMap(decision -> decision.snapshots().stream()).toList();
          return outbox.enqueueAll(connection, snapshots)
              .chain(() -> connection.preparedQuery(RECORD).execute(Tuple.of(
                  settled.stream().map(Decision::eventId).toArray(UUID[]::new),
                  settled.stream().map(d -> d.status().name()).toArray(String[]::new),
                  settled.stream().map(Decision::reason).toArray(String[]::new))))
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
