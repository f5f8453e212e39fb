package io.stockbridge.gateway.webhook.service;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import io.stockbridge.platform.outbox.OutboxMessage;

/**
 * Works off the inbox: reads each event with its warehouse's adapter, resolves every item to a seller SKU
 * (rule WH-3: never guessed) and hands one normalized snapshot per item to inventory-service through the outbox.
 * An event whose items are not all mapped is parked with the reason, to be replayed once they are; a payload
 * that is not of the warehouse's style is rejected with the reason; when catalog-service cannot answer, the event
 * simply waits for the next round. Items are resolved before the transaction, which never spans a network call.
 */
@ApplicationScoped
public class InboxProcessor {
  static final String LEDGER = "inventory-service";
  static final String LEDGER_PATH = "/internal/v1/warehouse-events";

  private final InboundEventRepository inbox;
  private final WarehouseConnectionRepository warehouses;
  private final Adapters adapters;
  private final ItemResolver resolver;
  private final Outbox outbox;
  private final InboxConfig config;
  private final ObjectMapper mapper;

  public InboxProcessor(InboundEventRepository inbox, WarehouseConnectionRepository warehouses, Adapters adapters,
      ItemResolver resolver, Outbox outbox, InboxConfig config, ObjectMapper mapper) {
    this.inbox = inbox;
    this.warehouses = warehouses;
    this.adapters = adapters;
    this.resolver = resolver;
    this.outbox = outbox;
    this.config = config;
    this.mapper = mapper;
  }

  /** The decision about one event, made outside any transaction. */
  private record Decision(InboundEventStatus status, String reason, String sellerId, List<Map<String, Object>> snapshots) {
  }

  @Scheduled(every = "${stockbridge.gateway.inbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> poll() {
    if (!config.enabled()) {
      return Uni.createFrom().voidItem();
    }
    return processReceived()
        .onFailure().invoke(e -> Log.warnf("Inbox round failed: %s", e.getMessage()))
        .onFailure().recoverWithItem(0)
        .replaceWithVoid();
  }

  /** @return how many events left the RECEIVED state in this round */
  public Uni<Integer> processReceived() {
    return received()
        .onItem().transformToMulti(events -> Multi.createFrom().iterable(events))
        .onItem().transformToUniAndConcatenate(event -> decide(event)
            .chain(decision -> settle(event.id, decision))
            .onFailure().invoke(e -> Log.debugf("Event %s waits for the next round: %s", event.id, e.getMessage()))
            .onFailure().recoverWithItem(false))
        .filter(Boolean::booleanValue)
        .collect().asList()
        .map(List::size);
  }

  @WithSession
  Uni<List<InboundEvent>> received() {
    return inbox.find("status = ?1 order by createdAt, id", InboundEventStatus.RECEIVED).range(0, config.batchSize() - 1)
        .list();
  }

  @WithSession
  Uni<WarehouseConnection> warehouse(UUID id) {
    return warehouses.findById(id);
  }

  private Uni<Decision> decide(InboundEvent event) {
    return warehouse(event.warehouseId).chain(warehouse -> {
      Optional<WmsAdapter> adapter = adapters.forInbox(warehouse.adapter);
      if (adapter.isEmpty()) {
        return Uni.createFrom().item(new Decision(InboundEventStatus.REJECTED,
            warehouse.adapter + " warehouses send no webhooks", event.sellerId, List.of()));
      }
      List<ItemReading> readings;
      try {
        readings = adapter.get().read(mapper.readTree(event.body), event.sourceTimestamp);
      } catch (WmsAdapter.UnreadablePayload | JsonProcessingException e) {
        return Uni.createFrom().item(new Decision(InboundEventStatus.REJECTED,
            "not a " + warehouse.adapter + " payload: " + e.getMessage(), event.sellerId, List.of()));
      }
      Map<ItemReading, Optional<String>> resolved = new LinkedHashMap<>();
      return Multi.createFrom().iterable(readings)
          .onItem().transformToUniAndConcatenate(reading -> resolver.sellerSkuOf(event.sellerId,
              event.warehouseId.toString(), reading.wmsItemId()).invoke(sku -> resolved.put(reading, sku)))
          .collect().last()
          .map(ignored -> decision(event, resolved));
    });
  }

  private Decision decision(InboundEvent event, Map<ItemReading, Optional<String>> resolved) {
    List<String> unknown = resolved.entrySet().stream().filter(e -> e.getValue().isEmpty())
        .map(e -> e.getKey().wmsItemId()).toList();
    if (!unknown.isEmpty()) {
      return new Decision(InboundEventStatus.PARKED, "unknown warehouse item(s) " + String.join(", ", unknown)
          + ": map them to a seller SKU in catalog-service, then replay", event.sellerId, List.of());
    }
    List<Map<String, Object>> snapshots = new ArrayList<>();
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
      snapshots.add(snapshot);
    }
    return new Decision(InboundEventStatus.APPLIED, null, event.sellerId, snapshots);
  }

  /** Records the decision, and queues the snapshots for the ledger, if the event is still waiting. */
  @WithTransaction
  Uni<Boolean> settle(UUID eventId, Decision decision) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "select id from inbound_event where id = :id and status = 'RECEIVED' for update skip locked", Object.class)
        .setParameter("id", eventId).getResultList()
        .chain(locked -> {
          if (locked.isEmpty()) {
            return Uni.createFrom().item(false);
          }
          return Multi.createFrom().iterable(decision.snapshots())
              .onItem().transformToUniAndConcatenate(snapshot -> outbox.enqueue(new OutboxMessage(LEDGER, LEDGER_PATH,
                  "warehouse.snapshot", decision.sellerId(), snapshot)))
              .collect().last()
              .chain(() -> session.createNativeQuery("update inbound_event set status = :status, reason = :reason "
                      + "where id = :id")
                  .setParameter("status", decision.status().name()).setParameter("reason", decision.reason())
                  .setParameter("id", eventId).executeUpdate())
              .replaceWith(true);
        }));
  }

  /** Puts a parked or rejected event back in line; true when it will be processed again. */
  @WithTransaction
  public Uni<Boolean> replay(String sellerId, UUID warehouseId, UUID eventId) {
    return Panache.getSession().chain(session -> session.createNativeQuery(
            "update inbound_event set status = 'RECEIVED', reason = null where id = :id and warehouse_id = :warehouse "
                + "and seller_id = :seller and status in ('PARKED', 'REJECTED', 'RECEIVED')")
        .setParameter("id", eventId).setParameter("warehouse", warehouseId).setParameter("seller", sellerId)
        .executeUpdate())
        .map(updated -> updated == 1);
  }

}
