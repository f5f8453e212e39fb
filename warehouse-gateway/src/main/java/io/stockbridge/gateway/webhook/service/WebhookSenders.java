package io.stockbridge.gateway.webhook.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.stockbridge.gateway.config.GatewayConfig;
import io.stockbridge.gateway.warehouse.repository.AdapterType;
import io.stockbridge.gateway.warehouse.repository.WarehouseConnectionRepository;
import io.stockbridge.gateway.warehouse.service.WebhookSecrets;

/**
 * What the intake needs to know about a warehouse sending webhooks, kept in memory for a few seconds so that a
 * busy partner does not cost a database read and secret decryption per event. A change made on this replica
 * (rotation, disabling) is seen at once; one made on another replica within the cache time, and a signature that
 * fails against what is cached is checked once more against fresh data before it is refused.
 */
@ApplicationScoped
public class WebhookSenders {
  /** A warehouse as the intake sees it; absent warehouses are not cached. */
  public record Sender(String sellerId, AdapterType adapter, boolean enabled, List<WebhookSecrets.ValidSecret> secretsKnown,
      Instant until, boolean fresh) {
    /** The secrets that verify at {@code now} (a rotated-out one stops at its retirement, cached or not). */
    public List<String> secretsAt(Instant now) {
      return secretsKnown.stream().filter(s -> s.validAt(now)).map(WebhookSecrets.ValidSecret::secret).toList();
    }
  }

  private final WarehouseConnectionRepository warehouses;
  private final WebhookSecrets secrets;
  private final GatewayConfig config;
  private final ConcurrentHashMap<UUID, Sender> cache = new ConcurrentHashMap<>();

  public WebhookSenders(WarehouseConnectionRepository warehouses, WebhookSecrets secrets, GatewayConfig config) {
    this.warehouses = warehouses;
    this.secrets = secrets;
    this.config = config;
  }

  /** The warehouse, from memory when recent enough; null when it does not exist. */
  public Uni<Sender> lookup(UUID warehouseId) {
    Sender cached = cache.get(warehouseId);
    if (cached != null && cached.until().isAfter(Instant.now())) {
      return Uni.createFrom().item(new Sender(cached.sellerId(), cached.adapter(), cached.enabled(), cached.secretsKnown(),
          cached.until(), false));
    }
    return reload(warehouseId);
  }

  /** The warehouse as the database has it now. */
  @WithSession
  public Uni<Sender> reload(UUID warehouseId) {
    return warehouses.findById(warehouseId).chain(warehouse -> {
      if (warehouse == null) {
        cache.remove(warehouseId);
        return Uni.createFrom().nullItem();
      }
      return secrets.valid(warehouseId).map(valid -> {
        Sender sender = new Sender(warehouse.sellerId, warehouse.adapter, warehouse.enabled, valid,
            Instant.now().plus(config.webhooks().warehouseCacheTtl()), true);
        cache.put(warehouseId, sender);
        return sender;
      });
    });
  }

  /** Forgets a warehouse after a change on this replica (rotation, disabling). */
  public void forget(UUID warehouseId) {
    cache.remove(warehouseId);
  }
}
