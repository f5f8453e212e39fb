package io.stockbridge.gateway.webhook.service;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.config.InboxConfig;
import io.stockbridge.gateway.warehouse.client.CatalogClient;
import io.stockbridge.gateway.warehouse.client.ItemLookup;

/**
 * Warehouse item to seller SKU, with the answers catalog-service gave kept for a while: the hot path does not call
 * catalog for every event, and an outage of catalog delays only items not seen recently. "Not mapped" is remembered
 * only briefly, and a replay of the warehouse's events forgets it, so a mapping added later takes effect on replay.
 */
@ApplicationScoped
public class ItemResolver {
  /** An answer of catalog-service: the SKU, or null for "not mapped". */
  private record Known(String sellerSku, Instant until) {
  }

  private final CatalogClient catalog;
  private final InboxConfig config;
  private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Uni<ItemLookup>> inFlight = new ConcurrentHashMap<>();

  public ItemResolver(CatalogClient catalog, InboxConfig config) {
    this.catalog = catalog;
    this.config = config;
  }

  public Uni<ItemLookup> sellerSkuOf(String sellerId, String warehouseId, String wmsItemId) {
    String key = key(sellerId, warehouseId, wmsItemId);
    Known hit = known.get(key);
    if (hit != null && hit.until().isAfter(Instant.now())) {
      return Uni.createFrom().item(hit.sellerSku() == null ? ItemLookup.NOT_MAPPED : ItemLookup.mapped(hit.sellerSku()));
    }
    // lookups of one item running at once (a round resolves its events concurrently) share one call
    return inFlight.computeIfAbsent(key, k -> catalog.sellerSkuOf(sellerId, warehouseId, wmsItemId)
            .invoke(answer -> {
              // a refused item id is not remembered: the event carrying it is rejected, and that is the end of it
              if (!answer.isRefused()) {
                known.put(key, new Known(answer.sellerSku(), Instant.now().plus(answer.isMapped()
                    ? config.itemCacheTtl() : config.unknownItemCacheTtl())));
              }
            })
            .onTermination().invoke(() -> inFlight.remove(key))
            .memoize().indefinitely());
  }

  /** Forgets every "not mapped" answer about the warehouse (before its parked events are replayed). */
  public void forgetUnknown(String sellerId, String warehouseId) {
    String prefix = sellerId + "\n" + warehouseId + "\n";
    known.entrySet().removeIf(entry -> entry.getKey().startsWith(prefix) && entry.getValue().sellerSku() == null);
  }

  /** Remembers a mapping learned in bulk (a poll lists every mapped item), so processing its events calls nobody. */
  public void remember(String sellerId, String warehouseId, String wmsItemId, String sellerSku) {
    known.put(key(sellerId, warehouseId, wmsItemId), new Known(sellerSku, Instant.now().plus(config.itemCacheTtl())));
  }

  private static String key(String sellerId, String warehouseId, String wmsItemId) {
    return sellerId + "\n" + warehouseId + "\n" + wmsItemId;
  }
}
