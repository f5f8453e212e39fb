package io.stockbridge.catalog.channelpush.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.stockbridge.catalog.channelpush.ChannelWarehouseMapping;
import io.stockbridge.catalog.channelpush.config.ChannelPushConfig;
import io.stockbridge.catalog.channelpush.repository.ChannelPushRepository;
import io.stockbridge.catalog.channelpush.repository.ChannelWarehouseRepository;
import io.stockbridge.catalog.channelstock.repository.ChannelStockRepository;
import io.stockbridge.catalog.channelstock.repository.ChannelStockRow;
import io.stockbridge.catalog.connection.repository.ChannelConnectionRepository;
import io.stockbridge.catalog.listing.repository.Listing;
import io.stockbridge.catalog.listing.repository.ListingRepository;
import io.stockbridge.catalog.listing.repository.ListingStatus;
import io.stockbridge.platform.problem.ProblemException;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Queues the ledger's available quantities for the channel: for each live listing holding the SKU, in the channel
 * warehouse mapped to the ledger's warehouse. A newer quantity of the same channel SKU and warehouse overwrites one
 * still waiting, so a burst of changes becomes one push of the newest value. Methods run in the caller's transaction,
 * the one that took the change in.
 */
@ApplicationScoped
public class ChannelPushes {
  private final ChannelPushRepository queue;
  private final ChannelWarehouseRepository warehouses;
  private final ChannelStockRepository stock;
  private final ListingRepository listings;
  private final ChannelConnectionRepository connections;
  private final ChannelPushConfig config;
  private final SuiteClock clock;

  public ChannelPushes(ChannelPushRepository queue, ChannelWarehouseRepository warehouses,
      ChannelStockRepository stock, ListingRepository listings, ChannelConnectionRepository connections,
      ChannelPushConfig config, SuiteClock clock) {
    this.queue = queue;
    this.warehouses = warehouses;
    this.stock = stock;
    this.listings = listings;
    this.connections = connections;
    this.config = config;
    this.clock = clock;
  }

  /** A listing went live: the quantities the ledger last reported for its SKUs go to the channel. */
  public Uni<Void> listingLive(Listing listing) {
    return Multi.createFrom().iterable(listing.channelSkus.keySet())
        .onItem().transformToUniAndConcatenate(sku -> stock.of(listing.sellerId, sku)
            .chain(rows -> Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> queue(listing, sku, row))
                .collect().asList()))
        .collect().asList()
        .replaceWithVoid();
  }

  /** A quantity the channel should show: the ledger's available units, capped at the channel's maximum. */
  public record ExpectedQuantity(String sellerSku, String channelSkuId, String channelWarehouseId, long quantity,
      boolean onItsWay) {
    public String key() {
      return channelSkuId + "|" + channelWarehouseId;
    }
  }

  /**
   * What the channel should show for a listing, per channel SKU and mapped warehouse, from the ledger's last report;
   * {@code onItsWay} marks a quantity still queued (the channel may rightly differ until it is pushed).
   */
  public Uni<List<ExpectedQuantity>> expectedFor(Listing listing) {
    List<ExpectedQuantity> expected = new java.util.ArrayList<>();
    return queue.pendingKeys(listing.id).chain(pending -> Multi.createFrom().iterable(listing.channelSkus.entrySet())
        .onItem().transformToUniAndConcatenate(sku -> stock.of(listing.sellerId, sku.getKey())
            .chain(rows -> Multi.createFrom().iterable(rows)
                .onItem().transformToUniAndConcatenate(row -> warehouses.channelWarehouseOf(listing.connectionId,
                    row.warehouseId()).invoke(channelWarehouse -> {
                      if (channelWarehouse != null) {
                        expected.add(new ExpectedQuantity(sku.getKey(), sku.getValue(), channelWarehouse,
                            Math.min(Math.max(row.available(), 0), config.maxQuantity()),
                            pending.contains(sku.getValue() + "|" + channelWarehouse)));
                      }
                    }))
                .collect().asList()))
        .collect().asList())
        .replaceWith(expected);
  }

  @WithTransaction
  public Uni<ChannelWarehouseMapping> mapWarehouse(String sellerId, UUID connectionId, String warehouseId,
      String channelWarehouseId) {
    return connections.findOwned(sellerId, connectionId)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Channel connection", connectionId.toString()))
        .chain(connection -> warehouses.map(sellerId, connectionId, warehouseId, channelWarehouseId, clock.now()))
        .chain(() -> listings.list("connectionId = ?1 and status = ?2", connectionId, ListingStatus.LIVE))
        .chain(live -> Multi.createFrom().iterable(live)
            .onItem().transformToUniAndConcatenate(this::listingLive)
            .collect().asList())
        .replaceWith(new ChannelWarehouseMapping(warehouseId, channelWarehouseId));
  }

  @WithSession
  public Uni<List<ChannelWarehouseMapping>> mappings(String sellerId, UUID connectionId) {
    return connections.findOwned(sellerId, connectionId)
        .onItem().ifNull().failWith(() -> ProblemException.notFound("Channel connection", connectionId.toString()))
        .chain(connection -> warehouses.ofConnection(connectionId))
        .map(pairs -> pairs.stream()
            .map(pair -> new ChannelWarehouseMapping(pair.warehouseId(), pair.channelWarehouseId())).toList());
  }

  private Uni<Void> queue(Listing listing, String sellerSku, ChannelStockRow row) {
    return queue(listing, sellerSku, row.warehouseId(), row.available(), row.version(), row.changedAt());
  }

  private Uni<Void> queue(Listing listing, String sellerSku, String warehouseId, long available, long version,
      OffsetDateTime changedAt) {
    Map<String, String> channelSkus = listing.channelSkus;
    String channelSkuId = channelSkus == null ? null : channelSkus.get(sellerSku);
    if (channelSkuId == null || listing.channelProductId == null) {
      return Uni.createFrom().voidItem();
    }
    return warehouses.channelWarehouseOf(listing.connectionId, warehouseId).chain(channelWarehouse -> {
      if (channelWarehouse == null) {
        return Uni.createFrom().voidItem();
      }
      // the channel takes 0..99,999: more units than that are shown as the most it takes
      long quantity = Math.min(Math.max(available, 0), config.maxQuantity());
      return queue.enqueue(listing.sellerId, listing.connectionId, listing.id, sellerSku, listing.channelProductId,
          channelSkuId, warehouseId, channelWarehouse, quantity, version, changedAt, clock.now());
    });
  }

}
