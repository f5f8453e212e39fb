package io.stockbridge.inventory.lock.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SkuLockRepository implements PanacheRepositoryBase<SkuLock, UUID> {

  public Uni<List<SkuLock>> listForSku(String sellerId, String sellerSku) {
    return list("sellerId = ?1 and sellerSku = ?2 order by kind", sellerId, sellerSku);
  }

  public Uni<SkuLock> findLock(String sellerId, String sellerSku, LockKind kind) {
    return find("sellerId = ?1 and sellerSku = ?2 and kind = ?3", sellerId, sellerSku, kind).firstResult();
  }

  public Uni<Long> deleteLock(String sellerId, String sellerSku, LockKind kind) {
    return delete("sellerId = ?1 and sellerSku = ?2 and kind = ?3", sellerId, sellerSku, kind);
  }
}
