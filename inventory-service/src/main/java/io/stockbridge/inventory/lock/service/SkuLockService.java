package io.stockbridge.inventory.lock.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.stockbridge.inventory.lock.repository.LockKind;
import io.stockbridge.inventory.lock.repository.SkuLock;
import io.stockbridge.inventory.lock.repository.SkuLockRepository;
import io.stockbridge.platform.time.SuiteClock;

/**
 * Holds the edit locks other services put on a SKU (rule INV-1). Placing and lifting are idempotent, because they
 * arrive through outboxes that may deliver twice.
 */
@ApplicationScoped
public class SkuLockService {
  private final SkuLockRepository repository;
  private final SuiteClock clock;

  public SkuLockService(SkuLockRepository repository, SuiteClock clock) {
    this.repository = repository;
    this.clock = clock;
  }

  @WithSession
  public Uni<List<SkuLock>> locks(String sellerId, String sellerSku) {
    return repository.listForSku(sellerId, sellerSku);
  }

  @WithTransaction
  public Uni<SkuLock> place(String sellerId, String sellerSku, LockKind kind, String reason, String reference,
      String actor) {
    return repository.findLock(sellerId, sellerSku, kind).chain(existing -> {
      if (existing != null) {
        existing.reason = reason;
        existing.reference = reference;
        return Uni.createFrom().item(existing);
      }
      SkuLock lock = new SkuLock();
      lock.id = UUID.randomUUID();
      lock.sellerId = sellerId;
      lock.sellerSku = sellerSku;
      lock.kind = kind;
      lock.reason = reason;
      lock.reference = reference;
      lock.lockedBy = actor;
      lock.lockedAt = clock.now();
      return repository.persist(lock);
    });
  }

  @WithTransaction
  public Uni<Boolean> lift(String sellerId, String sellerSku, LockKind kind) {
    return repository.deleteLock(sellerId, sellerSku, kind).map(deleted -> deleted > 0);
  }
}
