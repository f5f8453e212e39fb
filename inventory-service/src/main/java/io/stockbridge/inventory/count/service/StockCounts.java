package io.stockbridge.inventory.count.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.InventoryProblem;
import io.stockbridge.inventory.count.AdHocCount;
import io.stockbridge.inventory.count.CountPurpose;
import io.stockbridge.inventory.count.CountRequested;
import io.stockbridge.inventory.count.CountStatus;
import io.stockbridge.inventory.count.StockCountView;
import io.stockbridge.inventory.count.config.CountConfig;
import io.stockbridge.inventory.count.repository.ShelfItem;
import io.stockbridge.inventory.count.repository.StockCount;
import io.stockbridge.inventory.count.repository.StockCountLine;
import io.stockbridge.inventory.count.repository.StockCountLineRepository;
import io.stockbridge.inventory.count.repository.StockCountRepository;
import io.stockbridge.inventory.count.repository.WarehouseShelf;
import io.stockbridge.platform.outbox.Outbox;
import io.stockbridge.platform.outbox.OutboxMessage;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.problem.FieldError;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/** Counts (rule CNT-1): made by a plan or asked for, each freezing the ledger's figures of its SKUs when it starts. */
@ApplicationScoped
public class StockCounts {
  static final String GATEWAY = "warehouse-gateway";
  static final String COUNT_REQUESTS_PATH = "/internal/v1/count-requests";

  private final StockCountRepository counts;
  private final StockCountLineRepository lines;
  private final WarehouseShelf shelf;
  private final CountConfig config;
  private final Outbox outbox;
  private final SuiteClock clock;

  public StockCounts(StockCountRepository counts, StockCountLineRepository lines, WarehouseShelf shelf,
      CountConfig config, Outbox outbox, SuiteClock clock) {
    this.counts = counts;
    this.lines = lines;
    this.shelf = shelf;
    this.config = config;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** A count the seller asks for now; SKUs without stock in the warehouse are refused, each named. */
  @WithTransaction
  public Uni<StockCountView> countNow(String sellerId, AdHocCount request) {
    Set<String> wanted = Set.copyOf(request.sellerSkus());
    return shelf.known(sellerId, request.warehouseId())
        .chain(known -> {
          if (!known) {
            throw ProblemException.notFound("Warehouse", request.warehouseId());
          }
          return shelf.items(sellerId, request.warehouseId(), clock.now().minus(config.velocityWindow()), wanted);
        })
        .chain(items -> {
          requireAll(request.sellerSkus(), items, "sellerSkus");
          return start(sellerId, request.warehouseId(), null, CountPurpose.AD_HOC, items, Map.of());
        });
  }

  /**
   * Starts a count of {@code items}: their figures are frozen now, and warehouse-gateway is told in the same
   * transaction, so that a warehouse whose WMS takes count requests is asked to count them. Call within a transaction.
   */
  public Uni<StockCountView> start(String sellerId, String warehouseId, UUID planId, CountPurpose purpose,
      List<ShelfItem> items, Map<String, String> classes) {
    StockCount count = new StockCount();
    count.id = UUID.randomUUID();
    count.sellerId = sellerId;
    count.warehouseId = warehouseId;
    count.planId = planId;
    count.purpose = purpose;
    count.status = CountStatus.OPEN;
    count.createdAt = clock.now();
    List<StockCountLine> created = items.stream().map(item -> {
      StockCountLine line = new StockCountLine();
      line.id = UUID.randomUUID();
      line.countId = count.id;
      line.sellerSku = item.sellerSku();
      line.velocityClass = classes.get(item.sellerSku());
      line.expected = item.sellable();
      return line;
    }).toList();
    return counts.persist(count).chain(() -> lines.persist(created))
        .chain(() -> askTheWarehouse(count, created))
        .replaceWith(() -> StockCountView.of(count, created));
  }

  private Uni<Void> askTheWarehouse(StockCount count, List<StockCountLine> created) {
    if (!config.requestFromWarehouses() || created.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    CountRequested request = new CountRequested(count.id, count.warehouseId,
        created.stream().map(line -> line.sellerSku).toList(), count.createdAt);
    return outbox.enqueue(new OutboxMessage(GATEWAY, COUNT_REQUESTS_PATH, "count.requested", count.sellerId, request))
        .replaceWithVoid();
  }

  @WithSession
  public Uni<StockCountView> find(String sellerId, UUID id) {
    return owned(sellerId, id).chain(count -> lines.linesOf(id).map(found -> StockCountView.of(count, found)));
  }

  @WithSession
  public Uni<Page<StockCountView>> list(String sellerId, String warehouseId, CountStatus status, String cursor,
      int limit) {
    return counts.page(sellerId, warehouseId, status, PageCursor.decode(cursor), limit + 1)
        .chain(rows -> {
          List<UUID> ids = rows.stream().map(count -> count.id).toList();
          return (ids.isEmpty() ? Uni.createFrom().item(List.<StockCountLine>of())
              : lines.list("countId in ?1 order by sellerSku", ids))
              .map(all -> {
                Map<UUID, List<StockCountLine>> byCount = all.stream()
                    .collect(Collectors.groupingBy(line -> line.countId));
                return Page.of(rows, limit, count -> new PageCursor(count.createdAt, count.id),
                    count -> StockCountView.of(count, byCount.getOrDefault(count.id, List.of())));
              });
        });
  }

  Uni<StockCount> owned(String sellerId, UUID id) {
    return counts.findOwned(sellerId, id).map(count -> {
      if (count == null) {
        throw ProblemException.notFound("Count", id.toString());
      }
      return count;
    });
  }

  /** Refuses, naming each, the SKUs of {@code wanted} that have no stock record in the warehouse. */
  static void requireAll(List<String> wanted, List<ShelfItem> found, String field) {
    Set<String> present = found.stream().map(ShelfItem::sellerSku).collect(Collectors.toSet());
    List<FieldError> missing = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      if (!present.contains(wanted.get(i))) {
        missing.add(new FieldError(field + "[" + i + "]", "not_in_warehouse",
            wanted.get(i) + " has no stock record in this warehouse"));
      }
    }
    if (!missing.isEmpty()) {
      throw new ProblemException(422, InventoryProblem.COUNT_SKUS_NOT_IN_WAREHOUSE, "SKUs not in the warehouse",
          missing.size() + " of the SKUs have no stock record in this warehouse; nothing was created", missing);
    }
  }
}
