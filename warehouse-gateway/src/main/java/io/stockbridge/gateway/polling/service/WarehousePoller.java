package io.stockbridge.gateway.polling.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.polling.client.FourPxInventoryClient;
import io.stockbridge.gateway.polling.client.PartnerError;
import io.stockbridge.gateway.polling.client.PartnerUnavailable;
import io.stockbridge.gateway.polling.client.PollTarget;
import io.stockbridge.gateway.polling.client.PolledItem;
import io.stockbridge.gateway.polling.client.RateLimited;
import io.stockbridge.gateway.polling.client.ShipBobInventoryClient;
import io.stockbridge.gateway.polling.client.WinitStorageClient;
import io.stockbridge.gateway.polling.client.WmsPollClient;
import io.stockbridge.gateway.polling.config.PollingConfig;
import io.stockbridge.gateway.warehouse.client.CatalogClient;
import io.stockbridge.gateway.warehouse.client.MappedItems;
import io.stockbridge.gateway.warehouse.repository.AdapterType;
import io.stockbridge.gateway.webhook.repository.InboxGroupCommit;
import io.stockbridge.gateway.webhook.service.InboxProcessor;
import io.stockbridge.gateway.webhook.service.ItemResolver;
import io.stockbridge.platform.fault.Backoff;
import io.stockbridge.platform.time.SuiteClock;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Polls one warehouse: learns its mapped items from catalog-service, asks the partner (inside the warehouse's own
 * guard), stores each mapped item's reading in the inbox, where it takes the same path as a webhook (adapter,
 * ordering, outbox to the ledger), and records the outcome on the warehouse: when to poll next, the last success
 * (rule WH-2), the error or what the poll noticed. Items the warehouse holds that are not mapped are not stored (a
 * poll would park them again every few minutes); they are named in the warehouse's poll note instead (WH-3).
 */
@ApplicationScoped
public class WarehousePoller {
  private static final int NAMED_IN_NOTE = 10;

  private final Map<AdapterType, WmsPollClient> clients = new EnumMap<>(AdapterType.class);
  private final CatalogClient catalog;
  private final PollGuards guards;
  private final InboxGroupCommit inbox;
  private final InboxProcessor processor;
  private final ItemResolver resolver;
  private final PollingConfig config;
  private final Pool pool;
  private final MeterRegistry meters;
  private final SuiteClock clock;

  public WarehousePoller(ShipBobInventoryClient shipBob, WinitStorageClient winit, FourPxInventoryClient fourPx,
      CatalogClient catalog, PollGuards guards, InboxGroupCommit inbox, InboxProcessor processor, ItemResolver resolver,
      PollingConfig config, Pool pool, MeterRegistry meters, SuiteClock clock) {
    for (WmsPollClient client : List.of(shipBob, winit, fourPx)) {
      clients.put(client.adapter(), client);
    }
    this.catalog = catalog;
    this.guards = guards;
    this.inbox = inbox;
    this.processor = processor;
    this.resolver = resolver;
    this.config = config;
    this.pool = pool;
    this.meters = meters;
    this.clock = clock;
  }

  /** What the partner reported, split by whether the items are mapped. */
  private record Selection(List<InboxGroupCommit.Arrival> arrivals, String note) {
  }

  /** Polls and records the outcome; never fails (a failure is recorded and reported). */
  public Uni<PollReport> pollAndRecord(PollTarget target) {
    OffsetDateTime fetchedAt = clock.now();
    return Uni.createFrom().deferred(() -> poll(target, fetchedAt))
        .chain(selection -> inbox.storeAll(target.warehouseId(), target.sellerId(), fetchedAt, selection.arrivals())
            .invoke(stored -> {
              if (stored > 0) {
                processor.wake();
              }
            })
            .chain(stored -> recordSuccess(target, fetchedAt, stored, selection.note())))
        .onFailure().recoverWithUni(failure -> recordFailure(target, failure));
  }

  private Uni<Selection> poll(PollTarget target, OffsetDateTime fetchedAt) {
    WmsPollClient client = clients.get(target.adapter());
    if (client == null) {
      return Uni.createFrom().failure(new PartnerError(target.adapter() + " warehouses are not polled"));
    }
    return mappedItems(target, null, new LinkedHashMap<>())
        .chain(mapped -> guards.of(target.warehouseId()).get(() -> client.fetch(target, mapped.keySet(), fetchedAt))
            .map(items -> select(target, mapped, items)));
  }

  /** Every item mapped in the warehouse, wmsItemId to seller SKU; catalog's own fault tolerance applies. */
  private Uni<Map<String, String>> mappedItems(PollTarget target, String cursor, Map<String, String> mapped) {
    return catalog.mappedItems(target.sellerId(), target.warehouseId().toString(), cursor).chain((MappedItems page) -> {
      page.items().forEach(item -> mapped.put(item.wmsItemId(), item.sellerSku()));
      return page.nextCursor() == null || page.items().isEmpty() ? Uni.createFrom().item(mapped)
          : mappedItems(target, page.nextCursor(), mapped);
    });
  }

  private Selection select(PollTarget target, Map<String, String> mapped, List<PolledItem> items) {
    List<InboxGroupCommit.Arrival> arrivals = new ArrayList<>();
    List<String> unmapped = new ArrayList<>();
    for (PolledItem item : items) {
      String sellerSku = mapped.get(item.wmsItemId());
      if (sellerSku == null) {
        unmapped.add(item.wmsItemId());
        continue;
      }
      resolver.remember(target.sellerId(), target.warehouseId().toString(), item.wmsItemId(), sellerSku);
      arrivals.add(new InboxGroupCommit.Arrival(item.sourceEventId(), item.body()));
    }
    Set<String> reported = items.stream().map(PolledItem::wmsItemId).collect(Collectors.toSet());
    List<String> missing = mapped.keySet().stream().filter(id -> !reported.contains(id)).toList();
    List<String> notes = new ArrayList<>();
    if (!unmapped.isEmpty()) {
      notes.add(unmapped.size() + " item(s) the warehouse holds are not mapped to a SKU: " + named(unmapped));
    }
    if (!missing.isEmpty()) {
      notes.add(missing.size() + " mapped item(s) the warehouse did not report: " + named(missing));
    }
    return new Selection(arrivals, notes.isEmpty() ? null : String.join("; ", notes));
  }

  private static String named(List<String> ids) {
    return String.join(", ", ids.subList(0, Math.min(NAMED_IN_NOTE, ids.size())))
        + (ids.size() > NAMED_IN_NOTE ? ", ..." : "");
  }

  private Uni<PollReport> recordSuccess(PollTarget target, OffsetDateTime fetchedAt, int stored, String note) {
    meters.counter("stockbridge.gateway.polls", "adapter", target.adapter().name(), "outcome", "ok").increment();
    return pool.preparedQuery("update warehouse_connection set poll_claimed_until = null, next_poll_at = $2, "
            + "last_successful_poll_at = $3, last_poll_error = null, poll_failures = 0, last_poll_note = $4 where id = $1")
        .execute(Tuple.of(target.warehouseId(), fetchedAt.plusSeconds(target.pollIntervalSeconds()), fetchedAt, note))
        .replaceWith(new PollReport(target.warehouseId(), true, stored, null, note));
  }

  private Uni<PollReport> recordFailure(PollTarget target, Throwable failure) {
    String outcome = failure instanceof RateLimited ? "rate_limited"
        : failure instanceof CircuitBreakerOpenException ? "circuit_open" : "failed";
    meters.counter("stockbridge.gateway.polls", "adapter", target.adapter().name(), "outcome", outcome).increment();
    String reason = reason(failure);
    Log.debugf("Poll of warehouse %s failed: %s", target.warehouseId(), reason);
    return pool.preparedQuery("update warehouse_connection set poll_claimed_until = null, next_poll_at = $2, "
            + "last_poll_error = $3, poll_failures = poll_failures + 1 where id = $1")
        .execute(Tuple.of(target.warehouseId(), clock.now().plus(waitAfter(target, failure)), reason))
        .replaceWith(new PollReport(target.warehouseId(), false, 0, reason, null));
  }

  /** How long to leave the partner alone after a failure. */
  Duration waitAfter(PollTarget target, Throwable failure) {
    if (failure instanceof RateLimited) {
      return config.rateLimitBackoff();
    }
    if (failure instanceof CircuitBreakerOpenException) {
      return config.circuitBreakerDelay();
    }
    Duration interval = Duration.ofSeconds(target.pollIntervalSeconds());
    Duration first = config.failureBackoff().compareTo(interval) < 0 ? config.failureBackoff() : interval;
    return Backoff.doubling(first, interval).after(target.failures() + 1);
  }

  private String reason(Throwable failure) {
    if (failure instanceof PartnerError || failure instanceof PartnerUnavailable) {
      return failure.getMessage();
    }
    if (failure instanceof TimeoutException) {
      return "the partner did not answer within " + config.pollTimeout().toSeconds() + " s";
    }
    if (failure instanceof CircuitBreakerOpenException) {
      return "not polled: the partner failed repeatedly, its circuit breaker is open for "
          + config.circuitBreakerDelay().toSeconds() + " s";
    }
    return failure.getClass().getSimpleName() + ": " + failure.getMessage();
  }
}
