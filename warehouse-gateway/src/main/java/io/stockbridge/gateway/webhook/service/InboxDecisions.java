package io.stockbridge.gateway.webhook.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.adapter.Adapters;
import io.stockbridge.gateway.adapter.CountReport;
import io.stockbridge.gateway.adapter.ItemReading;
import io.stockbridge.gateway.adapter.ReadingLimits;
import io.stockbridge.gateway.adapter.WmsAdapter;
import io.stockbridge.gateway.warehouse.client.ItemLookup;
import io.stockbridge.gateway.warehouse.repository.AdapterType;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnection;
import io.stockbridge.gateway.webhook.repository.InboundEvent;
import io.stockbridge.gateway.webhook.repository.InboundEventStatus;
import io.stockbridge.platform.outbox.OutboxMessage;
import io.stockbridge.platform.problem.FieldError;

/**
 * What becomes of one inbox event, decided outside any transaction: read with its warehouse's adapter and held to
 * the ledger's limits (else rejected), every item resolved to a seller SKU (rule WH-3: an unknown item parks the
 * event, a refused one rejects it, none is guessed), and one normalised snapshot per item for the ledger. A
 * Standard Webhooks partner's answer to a count request goes its own way ({@link CountReportDecisions}).
 */
@ApplicationScoped
public class InboxDecisions {
  static final String LEDGER = "inventory-service";
  static final String LEDGER_PATH = "/internal/v1/warehouse-events";

  private final Adapters adapters;
  private final ItemResolver resolver;
  private final CountReportDecisions counts;
  private final ObjectMapper mapper;

  public InboxDecisions(Adapters adapters, ItemResolver resolver, CountReportDecisions counts, ObjectMapper mapper) {
    this.adapters = adapters;
    this.resolver = resolver;
    this.counts = counts;
    this.mapper = mapper;
  }

  Uni<InboxDecision> decide(InboundEvent event, WarehouseConnection warehouse) {
    WmsAdapter adapter = adapters.forInbox(warehouse.adapter);
    List<ItemReading> readings;
    try {
      JsonNode payload = mapper.readTree(event.body);
      if (warehouse.adapter == AdapterType.STANDARD_WEBHOOKS && CountReport.isOne(payload)) {
        return counts.decide(event, CountReport.read(payload));
      }
      readings = adapter.read(payload, event.sourceTimestamp);
    } catch (WmsAdapter.UnreadablePayload | JsonProcessingException e) {
      return Uni.createFrom().item(new InboxDecision(event.id, InboundEventStatus.REJECTED,
          "not a " + warehouse.adapter + " payload: " + e.getMessage(), List.of()));
    }
    List<FieldError> outOfLimits = ReadingLimits.check(readings);
    if (!outOfLimits.isEmpty()) {
      // what came in before the edge checked these (or through a poll) never reaches the ledger to be refused there
      return Uni.createFrom().item(new InboxDecision(event.id, InboundEventStatus.REJECTED, ReadingLimits.describe(
          outOfLimits), List.of()));
    }
    Map<ItemReading, ItemLookup> resolved = new LinkedHashMap<>();
    return Multi.createFrom().iterable(readings)
        .onItem().transformToUniAndConcatenate(reading -> resolver.sellerSkuOf(event.sellerId,
            event.warehouseId.toString(), reading.wmsItemId()).invoke(lookup -> resolved.put(reading, lookup)))
        .collect().last()
        .map(ignored -> decision(event, resolved));
  }

  /**
   * The decision about an event some of whose items are not mapped (rule WH-3): rejected when catalog-service refused
   * an item id, parked when an item is unknown; null when every item has its seller SKU.
   */
  static <T> InboxDecision unresolved(InboundEvent event, Map<T, ItemLookup> resolved, Function<T, String> itemId) {
    List<String> refused = resolved.entrySet().stream().filter(e -> e.getValue().isRefused())
        .map(e -> itemId.apply(e.getKey()) + " (" + e.getValue().refusal() + ")").toList();
    if (!refused.isEmpty()) {
      return new InboxDecision(event.id, InboundEventStatus.REJECTED, "catalog-service refused warehouse item id(s) "
          + String.join(", ", refused), List.of());
    }
    List<String> unknown = resolved.entrySet().stream().filter(e -> !e.getValue().isMapped())
        .map(e -> itemId.apply(e.getKey())).toList();
    if (!unknown.isEmpty()) {
      return new InboxDecision(event.id, InboundEventStatus.PARKED, "unknown warehouse item(s) " + String.join(", ", unknown)
          + ": map them to a seller SKU in catalog-service, then replay", List.of());
    }
    return null;
  }

  private static InboxDecision decision(InboundEvent event, Map<ItemReading, ItemLookup> resolved) {
    InboxDecision unmapped = unresolved(event, resolved, ItemReading::wmsItemId);
    if (unmapped != null) {
      return unmapped;
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
    return new InboxDecision(event.id, snapshots.isEmpty() ? InboundEventStatus.APPLIED : InboundEventStatus.DELIVERING,
        null, snapshots);
  }
}
