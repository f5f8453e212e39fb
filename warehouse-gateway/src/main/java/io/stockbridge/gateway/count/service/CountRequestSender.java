package io.stockbridge.gateway.count.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.count.CountRequestStatus;
import io.stockbridge.gateway.count.client.PartnerCountClient;
import io.stockbridge.gateway.count.config.CountRequestConfig;
import io.stockbridge.gateway.warehouse.client.CatalogClient;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnectionRepository;
import io.stockbridge.gateway.warehouse.service.WebhookSecrets;
import io.stockbridge.platform.fault.Backoff;
import io.stockbridge.platform.persistence.LeasedClaim;
import io.stockbridge.platform.persistence.NamedSql;
import io.stockbridge.platform.time.SuiteClock;
import io.stockbridge.platform.work.WakeableRounds;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends PENDING count requests to their partners as signed {@code count.requested} webhooks, naming the
 * partner's item ids (rule WH-3: from catalog-service's mappings, never guessed). A request is claimed with a lease,
 * so replicas never send one twice at once, and each round is shared between sellers in turns. A partner that is
 * busy or failing (408, 425, 429, 5xx, no answer) is asked again with back-off until {@code give-up-after}; one that
 * refuses the request (another 4xx) fails it at once with its answer as the reason.
 */
@ApplicationScoped
public class CountRequestSender {
  static final String EVENT_TYPE = "count.requested";
  private static final NamedSql CLAIM = LeasedClaim.from("count_request", "r")
      .where("r.status = 'PENDING' and r.next_attempt_at <= :now")
      .leasedBy("claimed_until")
      .set("attempts = attempts + 1")
      .orderBy("next_attempt_at", "id").fairBy("seller_id")
      .returning("id, seller_id, warehouse_id, seller_skus, attempts, created_at")
      .build().positional();
  private static final String RECORD = "update count_request set status = $2, reason = $3, next_attempt_at = $4, "
      + "sent_at = $5, claimed_until = null where id = $1";

  private final Pool pool;
  private final WarehouseConnectionRepository warehouses;
  private final WebhookSecrets secrets;
  private final CatalogClient catalog;
  private final PartnerCountClient partner;
  private final CountRequestConfig config;
  private final ObjectMapper mapper;
  private final SuiteClock clock;
  private final WakeableRounds rounds;

  public CountRequestSender(Pool pool, WarehouseConnectionRepository warehouses, WebhookSecrets secrets,
      CatalogClient catalog, PartnerCountClient partner, CountRequestConfig config, ObjectMapper mapper,
      SuiteClock clock, Vertx vertx) {
    this.pool = pool;
    this.warehouses = warehouses;
    this.secrets = secrets;
    this.catalog = catalog;
    this.partner = partner;
    this.config = config;
    this.mapper = mapper;
    this.clock = clock;
    this.rounds = new WakeableRounds(vertx, "Count requests", () -> sendDue().map(sent -> sent >= config.batchSize()));
  }

  @Scheduled(every = "${stockbridge.gateway.count-requests.tick:1s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void tick() {
    wake();
  }

  /** Sends what is due now, on this replica; concurrent calls coalesce. */
  public void wake() {
    if (config.enabled()) {
      rounds.wake();
    }
  }

  /** A request claimed for sending. */
  private record Due(UUID id, String sellerId, String warehouseId, List<String> sellerSkus, int attempts,
      OffsetDateTime createdAt) {
  }

  /** The warehouse as a sending needs it: where it takes requests and the secrets to sign with. */
  private record Destination(String url, List<String> secrets) {
  }

  /** One round; @return how many requests it claimed */
  public Uni<Integer> sendDue() {
    OffsetDateTime now = clock.now();
    return pool.preparedQuery(CLAIM.sql())
        .execute(CLAIM.tuple(Map.of("lease", now.plus(config.claimLease()), "now", now, "limit", config.batchSize())))
        .map(rows -> {
          List<Due> due = new ArrayList<>();
          rows.forEach(row -> due.add(new Due(row.getUUID("id"), row.getString("seller_id"),
              row.getString("warehouse_id"), List.of(row.getArrayOfStrings("seller_skus")), row.getInteger("attempts"),
              row.getOffsetDateTime("created_at"))));
          return due;
        })
        .chain(due -> due.isEmpty() ? Uni.createFrom().item(0) : destinations(due).chain(byWarehouse ->
            Multi.createFrom().iterable(due)
                .onItem().transformToUni(request -> send(request, byWarehouse.get(request.warehouseId()))
                    .onFailure().recoverWithItem(failure -> retry(request, "could not be sent: " + failure.getMessage()))
                    .chain(outcome -> record(outcome).replaceWith(outcome)))
                .merge(8)
                .collect().asList()
                .map(List::size)));
  }

  /** What became of one attempt. */
  private record Outcome(UUID id, CountRequestStatus status, String reason, OffsetDateTime nextAttemptAt,
      OffsetDateTime sentAt) {
  }

  private Uni<Outcome> send(Due request, Destination destination) {
    if (destination == null) {
      return Uni.createFrom().item(failed(request, "the warehouse no longer takes count requests"));
    }
    return itemsOf(request).chain(items -> {
      if (items.isEmpty()) {
        return Uni.createFrom().item(failed(request, "none of the count's SKUs is mapped to an item of the "
            + "warehouse (WH-3): map them in catalog-service and count again"));
      }
      List<String> unmapped = request.sellerSkus().stream().filter(sku -> !items.containsKey(sku)).toList();
      return partner.send(destination.url(), destination.secrets(), "count-" + request.id(), body(request, items),
              config.timeout())
          .map(answer -> {
            if (answer.accepted()) {
              return new Outcome(request.id(), CountRequestStatus.SENT, unmapped.isEmpty() ? null
                  : "not asked for unmapped SKU(s) " + String.join(", ", unmapped), request.createdAt(), clock.now());
            }
            String reason = "the partner answered " + answer.status() + " " + answer.body();
            return answer.worthRetrying() ? retry(request, reason) : failed(request, reason);
          });
    });
  }

  /**
   * Where each warehouse of the round takes requests (absent: it no longer does), read one after another in one
   * session before the sends start: a session must never serve two sends running at once.
   */
  private Uni<Map<String, Destination>> destinations(List<Due> due) {
    List<String> ids = due.stream().map(Due::warehouseId).distinct().toList();
    Map<String, Destination> found = new java.util.HashMap<>();
    return Panache.withSession(() -> Multi.createFrom().iterable(ids)
        .onItem().transformToUniAndConcatenate(id -> destination(UUID.fromString(id))
            .invoke(destination -> {
              if (destination != null) {
                found.put(id, destination);
              }
            }).replaceWith(id))
        .collect().last()
        .replaceWith(found));
  }

  private Uni<Destination> destination(UUID warehouseId) {
    return warehouses.findById(warehouseId).chain(warehouse -> {
      if (warehouse == null || !warehouse.enabled || warehouse.countRequestUrl == null) {
        return Uni.createFrom().nullItem();
      }
      return secrets.valid(warehouseId).map(valid -> new Destination(warehouse.countRequestUrl,
          valid.stream().map(WebhookSecrets.ValidSecret::secret).toList()));
    });
  }

  /** The partner's item id of each SKU of the count that is mapped in the warehouse, page by page. */
  private Uni<Map<String, String>> itemsOf(Due request) {
    return itemsOf(request, Set.copyOf(request.sellerSkus()), null, new LinkedHashMap<>());
  }

  private Uni<Map<String, String>> itemsOf(Due request, Set<String> wanted, String cursor, Map<String, String> found) {
    return catalog.mappedItems(request.sellerId(), request.warehouseId(), cursor).chain(page -> {
      page.items().stream().filter(item -> wanted.contains(item.sellerSku()))
          .forEach(item -> found.putIfAbsent(item.sellerSku(), item.wmsItemId()));
      return page.nextCursor() == null || found.size() == wanted.size() ? Uni.createFrom().item(found)
          : itemsOf(request, wanted, page.nextCursor(), found);
    });
  }

  private String body(Due request, Map<String, String> items) {
    List<Map<String, String>> lines = new ArrayList<>();
    items.forEach((sku, item) -> lines.add(Map.of("itemId", item, "sellerSku", sku)));
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("countId", request.id());
    data.put("warehouseId", request.warehouseId());
    data.put("items", lines);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", EVENT_TYPE);
    event.put("timestamp", clock.now().toString());
    event.put("data", data);
    try {
      return mapper.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Outcome failed(Due request, String reason) {
    return new Outcome(request.id(), CountRequestStatus.FAILED, reason, request.createdAt(), null);
  }

  /** Another try after back-off; past {@code give-up-after} the request fails with the last reason. */
  private Outcome retry(Due request, String reason) {
    OffsetDateTime now = clock.now();
    if (now.isAfter(request.createdAt().plus(config.giveUpAfter()))) {
      return failed(request, "not acknowledged within " + config.giveUpAfter() + "; last: " + reason);
    }
    OffsetDateTime next = now.plus(Backoff.doubling(config.initialBackoff(), config.maxBackoff())
        .withJitter(0.2).after(request.attempts()));
    return new Outcome(request.id(), CountRequestStatus.PENDING, reason, next, null);
  }

  private Uni<Void> record(Outcome outcome) {
    if (outcome.status() == CountRequestStatus.PENDING) {
      Log.debugf("Count request %s waits for another try: %s", outcome.id(), outcome.reason());
    }
    return pool.preparedQuery(RECORD).execute(Tuple.tuple().addUUID(outcome.id()).addString(outcome.status().name())
            .addString(outcome.reason()).addOffsetDateTime(outcome.nextAttemptAt())
            .addOffsetDateTime(outcome.sentAt()))
        .replaceWithVoid();
  }
}
