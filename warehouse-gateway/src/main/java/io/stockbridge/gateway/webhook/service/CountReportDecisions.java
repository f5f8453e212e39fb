package io.stockbridge.gateway.webhook.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.adapter.CountReport;
import io.stockbridge.gateway.warehouse.client.ItemLookup;
import io.stockbridge.gateway.webhook.repository.InboundEvent;
import io.stockbridge.gateway.webhook.repository.InboundEventStatus;
import io.stockbridge.platform.outbox.OutboxMessage;

/**
 * What becomes of a partner's count report (rule CNT-1): each counted item resolved to its seller SKU as a reading's
 * would be (an unknown item parks the report, a refused one rejects it), then the results go to the count in the
 * ledger through the outbox. The ledger keeps a count's first results, so a report sent twice changes nothing, and
 * one it can never take (an unknown count, an item not in it) comes back as the event's rejection reason.
 */
@ApplicationScoped
public class CountReportDecisions {
  static final String RESULTS_PATH = "/internal/v1/counts/%s/results";

  private final ItemResolver resolver;

  public CountReportDecisions(ItemResolver resolver) {
    this.resolver = resolver;
  }

  Uni<InboxDecision> decide(InboundEvent event, CountReport report) {
    Map<CountReport.CountedItem, ItemLookup> resolved = new LinkedHashMap<>();
    return Multi.createFrom().iterable(report.items())
        .onItem().transformToUniAndConcatenate(item -> resolver.sellerSkuOf(event.sellerId,
            event.warehouseId.toString(), item.itemId()).invoke(lookup -> resolved.put(item, lookup)))
        .collect().last()
        .map(ignored -> decision(event, report, resolved));
  }

  private static InboxDecision decision(InboundEvent event, CountReport report,
      Map<CountReport.CountedItem, ItemLookup> resolved) {
    InboxDecision unmapped = InboxDecisions.unresolved(event, resolved, CountReport.CountedItem::itemId);
    if (unmapped != null) {
      return unmapped;
    }
    List<Map<String, Object>> lines = new ArrayList<>();
    resolved.forEach((item, lookup) -> lines.add(Map.of("sellerSku", lookup.sellerSku(), "counted", item.counted())));
    OutboxMessage results = new OutboxMessage(InboxDecisions.LEDGER, RESULTS_PATH.formatted(report.countId()),
        CountReport.TYPE, event.sellerId, Map.of("lines", lines)).about(event.id.toString());
    return new InboxDecision(event.id, InboundEventStatus.DELIVERING, null, List.of(results));
  }
}
