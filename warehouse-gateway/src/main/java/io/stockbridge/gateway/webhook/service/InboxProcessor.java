package io.stockbridge.gateway.webhook.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

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
import io.stockbridge.gateway.adapter.WmsAdapter;
import io.stockbridge.gateway.config.InboxConfig;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnection;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnectionRepository;
import io.stockbridge.gateway.webhook.repository.InboundEvent;
import io.stockbridge.gateway.webhook.repository.InboundEventRepository;
import io.stockbridge.gateway.webhook.repository.InboundEventStatus;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxDispatcher;
import io.stockbridge.platform.outbox.OutboxMessage;
import io.stockbridge.platform.work.WakeableRounds;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Works off the inbox: reads each event with its warehouse's adapter, resolves every item to a seller SKU
 * (rule WH-3: never guessed) and hands one normalized snapshot per item to inventory-service through the outbox.
 * An event whose items are not all mapped is parked with the reason, to be replayed once they are; a payload
 * that is not of the warehouse's style is rejected with the reason; when catalog-service cannot answer, the event
 * simply waits for the next round. Items are resolved before the transaction, which never spans a network call.
 * <p>
 * A round takes a batch of events and settles all of them in one transaction (one commit per batch, not per event).
 * An arrival wakes the processor at once; the schedule only catches what no wake-up reached (another replica's
 * arrivals, a failed round). Each settled round wakes the outbox, so a snapshot leaves for the ledger at once.
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
  private final WarehouseConnectionRepository warehouses;
  private final Adapters adapters;
  private final ItemResolver resolver;
  private final Outbox outbox;
  private final OutboxDispatcher dispatcher;
  private final InboxConfig config;
  private final ObjectMapper mapper;
  private final Pool pool;
  private final WakeableRounds rounds;

  public InboxProcessor(InboundEventRepository inbox, WarehouseConnectionRepository warehouses, Adapters adapters,
      ItemResolver resolver, Outbox outbox, OutboxDispatcher dispatcher, InboxConfig config, ObjectMapper mapper,
      Pool pool, Vertx vertx) {
    this.inbox = inbox;
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

  /** How many events a round took and how many of them it settled (the others wait for a later round). */
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

  private Uni<Round> round() {
    return received().chain(events -> {
      if (events.isEmpty()) {
        return Uni.createFrom().item(new Round(0, 0));
      }
      return warehousesOf(events).chain(byId -> Multi.createFrom().iterable(events)
              .onItem().transformToUniAndConcatenate(event -> decide(event, byId.get(event.warehouseId))
                  .map(Optional::of)
                  .onFailure().invoke(e -> Log.debugf("Event %s waits for the next round: %s", event.id, e.getMessage()))
                  .onFailure().recoverWithItem(Optional.empty()))
              .filter(Optional::isPresent).map(Optional::get)
              .collect().asList())
          .chain(decisions -> decisions.isEmpty() ? Uni.createFrom().item(0) : settle(decisions))
          .invoke(settled -> {
            if (settled > 0) {
              dispatcher.wake();
            }
          })
          .map(settled -> new Round(events.size(), settled));
    });
  }

  @WithSession
  Uni<List<InboundEvent>> received() {
    return inbox.find("status = ?1 order by createdAt, id", InboundEventStatus.RECEIVED).range(0, config.batchSize() - 1)
        .list();
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
    Map<ItemReading, Optional<String>> resolved = new LinkedHashMap<>();
    return Multi.createFrom().iterable(readings)
        .onItem().transformToUniAndConcatenate(reading -> resolver.sellerSkuOf(event.sellerId,
            event.warehouseId.toString(), reading.wmsItemId()).invoke(sku -> resolved.put(reading, sku)))
        .collect().last()
        .map(ignored -> decision(event, resolved));
  }

  private Decision decision(InboundEvent event, Map<ItemReading, Optional<String>> resolved) {
    List<String> unknown = resolved.entrySet().stream().filter(e -> e.getValue().isEmpty())
        .map(e -> e.getKey().wmsItemId()).toList();
    if (!unknown.isEmpty()) {
      return new Decision(event.id, InboundEventStatus.PARKED, "unknown warehouse item(s) " + String.join(", ", unknown)
          + ": map them to a seller SKU in catalog-service, then replay", List.of());
    }
    List<OutboxMessage> snapshots = new ArrayList<>();
    int index = 0;
    for (Map.Entry<ItemReading, Optional<String>> entry : resolved.entrySet()) {
      ItemReading reading = entry.getKey();
      Map<String, Object> snapshot = new LinkedHashMap<>();
      snapshot.put("eventId", event.id + "/" + index++);
      snapshot.put("warehouseId", event.warehouseId.toString());
      snapshot.put("sellerSku", entry.getValue().get());
      snapshot.put("observedAt", reading.observedAt().toString());
      if (reading.sequence() != null) {
        snapshot.put("sequence", reading.sequence());
      }
      snapshot.put("kind", "SNAPSHOT");
      snapshot.put("snapshot", Map.of("inTransit", reading.inTransit(), "qc", reading.qc(), "frozen", reading.frozen(),
          "sellable", reading.sellable()));
      // a newer reading of the item supersedes this one while it waits: a backlog shrinks to the newest state
      String item = event.warehouseId + "|" + entry.getValue().get();
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
            "update inbound_event set status = 'RECEIVED', reason = null where id = :id and warehouse_id = :warehouse "
                + "and seller_id = :seller and status in ('PARKED', 'REJECTED', 'RECEIVED')")
        .setParameter("id", eventId).setParameter("warehouse", warehouseId).setParameter("seller", sellerId)
        .executeUpdate())
        .map(updated -> updated == 1);
  }
}
