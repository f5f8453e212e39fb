package io.stockbridge.gateway.count.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.count.CountRequestStatus;
import io.stockbridge.gateway.count.CountRequestView;
import io.stockbridge.gateway.count.CountRequested;
import io.stockbridge.gateway.count.repository.CountRequest;
import io.stockbridge.gateway.count.repository.CountRequestRepository;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnection;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnectionRepository;
import io.stockbridge.platform.paging.Page;
import io.stockbridge.platform.paging.PageCursor;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Counts inventory-service started (rule CNT-1), each recorded once however often it is announced: PENDING to be
 * sent when the warehouse's WMS takes count requests, NOT_REQUESTED with the reason when it does not (the seller then
 * answers the count by API or CSV). Announcing a count is never refused: whatever the warehouse, the answer is final.
 */
@ApplicationScoped
public class CountRequests {
  private final CountRequestRepository requests;
  private final WarehouseConnectionRepository warehouses;
  private final CountRequestSender sender;
  private final SuiteClock clock;

  public CountRequests(CountRequestRepository requests, WarehouseConnectionRepository warehouses,
      CountRequestSender sender, SuiteClock clock) {
    this.requests = requests;
    this.warehouses = warehouses;
    this.sender = sender;
    this.clock = clock;
  }

  /** Records the count (a repeat answers the first record) and wakes the sender once it is committed. */
  public Uni<CountRequestView> accept(String sellerId, CountRequested count) {
    return record(sellerId, count).invoke(view -> {
      if (view.status() == CountRequestStatus.PENDING) {
        sender.wake();
      }
    });
  }

  @WithTransaction
  Uni<CountRequestView> record(String sellerId, CountRequested count) {
    return requests.findById(count.countId()).chain(known -> {
      if (known != null) {
        return Uni.createFrom().item(CountRequestView.of(known));
      }
      return warehouseOf(sellerId, count.warehouseId()).chain(warehouse -> {
        CountRequest request = new CountRequest();
        request.id = count.countId();
        request.sellerId = sellerId;
        request.warehouseId = count.warehouseId();
        request.sellerSkus = count.sellerSkus().toArray(String[]::new);
        request.createdAt = clock.now();
        request.nextAttemptAt = request.createdAt;
        request.reason = whyNotAsked(count.warehouseId(), warehouse);
        request.status = request.reason == null ? CountRequestStatus.PENDING : CountRequestStatus.NOT_REQUESTED;
        return requests.persist(request).map(CountRequestView::of);
      });
    });
  }

  @WithSession
  public Uni<Page<CountRequestView>> list(String sellerId, String warehouseId, CountRequestStatus status,
      String cursor, int limit) {
    return requests.page(sellerId, warehouseId, status, PageCursor.decode(cursor), limit + 1)
        .map(rows -> Page.of(rows, limit, row -> new PageCursor(row.createdAt, row.id), CountRequestView::of));
  }

  private Uni<WarehouseConnection> warehouseOf(String sellerId, String warehouseId) {
    UUID id;
    try {
      id = UUID.fromString(warehouseId);
    } catch (IllegalArgumentException notOurs) {
      // a warehouse the seller's ERP feeds directly, named by the seller's own code
      return Uni.createFrom().nullItem();
    }
    return warehouses.findOwned(sellerId, id);
  }

  private static String whyNotAsked(String warehouseId, WarehouseConnection warehouse) {
    if (warehouse == null) {
      return "warehouse " + warehouseId + " is not connected through warehouse-gateway";
    }
    if (warehouse.countRequestUrl == null) {
      return warehouse.adapter + " warehouse " + warehouse.code + " takes no count requests";
    }
    if (!warehouse.enabled) {
      return "warehouse " + warehouse.code + " is disabled";
    }
    return null;
  }
}
